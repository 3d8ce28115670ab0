import type { CountKey } from "../../server/protocol/state";

export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

type Dict = {
  kpi: Record<CountKey, string>;
  connection: Record<"live" | "connecting" | "reconnecting" | "offline", string>;
  updated: string;
  never: string;
  demo: string;
  signIn: string;
  wallTitle: string;
  deskTitle: string;
  consoleTitle: string;
  round: string;
  noRound: string;
  of: string;
  language: string;
};

export const DICTS: Record<Lang, Dict> = {
  en: {
    kpi: {
      householdsTotal: "Households",
      householdsTested: "Households tested",
      buildingsTotal: "Buildings",
      buildingsSealed: "Buildings sealed",
      volunteersTotal: "Volunteers",
      volunteersOnDuty: "Volunteers on duty",
      pendingRequests: "Pending requests",
      urgentRequests: "Urgent",
    },
    connection: { live: "Live", connecting: "Connecting…", reconnecting: "Connection lost: reconnecting…", offline: "Offline" },
    updated: "updated",
    never: "never",
    demo: "DEMO DATA: not a real compound",
    signIn: "Not signed in. Open the sign-in link the server printed at start-up (it ends in ?token=…), or ask the secretary for one.",
    wallTitle: "Compound status",
    deskTitle: "Secretary's desk",
    consoleTitle: "Volunteer console",
    round: "Round",
    noRound: "No round open",
    of: "of",
    language: "中文",
  },
  "zh-CN": {
    kpi: {
      householdsTotal: "住户总数",
      householdsTested: "已检测住户",
      buildingsTotal: "楼栋总数",
      buildingsSealed: "封控楼栋",
      volunteersTotal: "志愿者",
      volunteersOnDuty: "在岗志愿者",
      pendingRequests: "待处理请求",
      urgentRequests: "紧急",
    },
    connection: { live: "实时", connecting: "连接中…", reconnecting: "连接中断：正在重连…", offline: "离线" },
    updated: "更新于",
    never: "从未",
    demo: "演示数据：并非真实小区",
    signIn: "尚未登录。请打开服务器启动时打印的登录链接（以 ?token=… 结尾），或向书记索取。",
    wallTitle: "小区实况",
    deskTitle: "书记工作台",
    consoleTitle: "志愿者工作台",
    round: "检测轮次",
    noRound: "当前无检测轮次",
    of: "/",
    language: "English",
  },
};
