// The words of the street office's wall (/street).
import type { Lang } from "./dict";

type StreetDict = {
  title: string;
  compounds: (n: number) => string;
  urgent: string;
  pending: string;
  tested: string;
  noRound: string;
  /** The open round, before its label (or its id when none was typed). */
  round: string;
  sealed: string;
  onDuty: string;
  /** Volunteers on duty against the sum of the posts' minimums. */
  dutyOf: (onDuty: string, minimum: string) => string;
  /** One post below its minimum: its name, on duty, minimum. */
  short: (post: string, onDuty: string, minimum: string) => string;
  positives: string;
  overdue: (n: string, out: string) => string;
  lastEvent: (ago: string) => string;
  never: string;
  /** The compound created with the deployment, before its secretary names it: never its id `default`. */
  unnamed: string;
  silent: string;
  empty: string;
  forbidden: string;
  open: (name: string) => string;
  page: (n: number, of: number) => string;
  connection: Record<"live" | "connecting" | "reconnecting" | "offline", string>;
  updated: string;
  switchTo: string;
  daily: string;
  ago: (minutes: number) => string;
};

export const STREET: Record<Lang, StreetDict> = {
  en: {
    title: "Street office",
    compounds: (n) => `${n} compound${n === 1 ? "" : "s"}`,
    urgent: "urgent",
    pending: "pending",
    tested: "tested",
    noRound: "no round open",
    round: "Round:",
    sealed: "sealed",
    onDuty: "on duty",
    dutyOf: (n, m) => `${n} on duty (minimum ${m})`,
    short: (p, n, m) => `${p} ${n}/${m} below minimum`,
    positives: "positive today",
    overdue: (n, out) => `${n} overdue of ${out} out`,
    lastEvent: (ago) => `last event ${ago}`,
    never: "no event yet",
    unnamed: "Unnamed compound",
    silent: "silent",
    empty: "No compound to show yet.",
    forbidden: "This sign-in is not a street office's. Open the street office's link.",
    open: (name) => `Open the wall of ${name}`,
    page: (n, of) => `page ${n} of ${of}`,
    connection: { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…", offline: "Offline" },
    updated: "updated",
    switchTo: "中文",
    daily: "Daily summary",
    ago: (m) => (m < 1 ? "just now" : m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ${m % 60} min ago`),
  },
  "zh-CN": {
    title: "街道总览",
    compounds: (n) => `${n} 个小区`,
    urgent: "紧急",
    pending: "待处理",
    tested: "已检测",
    noRound: "无进行中的轮次",
    round: "本轮：",
    sealed: "封控楼",
    onDuty: "在岗",
    dutyOf: (n, m) => `在岗 ${n}（最低 ${m}）`,
    short: (p, n, m) => `${p} ${n}/${m} 低于最低人数`,
    positives: "今日阳性",
    overdue: (n, out) => `外出 ${out} 人，逾时未归 ${n}`,
    lastEvent: (ago) => `最近动态 ${ago}`,
    never: "尚无动态",
    unnamed: "未命名小区",
    silent: "长时间无动态",
    empty: "暂无可显示的小区。",
    forbidden: "此登录不属于街道。请打开街道的登录链接。",
    open: (name) => `打开 ${name} 的大屏`,
    page: (n, of) => `第 ${n} / ${of} 页`,
    connection: { live: "实时", connecting: "正在连接…", reconnecting: "正在重新连接…", offline: "离线" },
    updated: "更新于",
    switchTo: "English",
    daily: "每日汇总",
    ago: (m) => (m < 1 ? "刚刚" : m < 60 ? `${m} 分钟前` : `${Math.floor(m / 60)} 小时 ${m % 60} 分钟前`),
  },
};

/** How a compound is named to a person: its name, else its id, except the deployment's first compound, which is called unnamed. */
export const compoundLabel = (e: { name?: string | null; community: string }, t: Pick<StreetDict, "unnamed">): string =>
  e.name ?? (e.community === "default" ? t.unnamed : e.community);
