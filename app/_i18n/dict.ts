import type { CountKey } from "../../server/protocol/state";
import type { RequestKind } from "../../server/protocol/vocabularies";

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
  /** The compound until the secretary names it (community.named): never its id such as "default". */
  ourCompound: string;
  consoleTitle: string;
  round: string;
  noRound: string;
  of: string;
  language: string;
  console: {
    recorded: string;
    noRound: string;
    household: string;
    volunteer: string;
    request: string;
    tested: { title: string; residents: string };
    result: { title: string; negative: string; positive: string };
    checkIn: { title: string; post: string };
    checkOut: { title: string };
    open: { title: string; kind: string; urgent: string; note: string; person: string };
    document: { title: string; kind: string; letter: string; report: string; testedAt: string };
    submit: string;
  };
  queue: {
    title: string;
    empty: string;
    letter: string;
    report: string;
    none: string;
    releasable: string;
    /** A delivery's verdict: the release rule does not apply, nothing is needed. */
    delivery: string;
    needs: string;
    reason: string;
    approve: string;
    override: string;
    reject: string;
    fulfilled: string;
    approved: string;
    photos: string;
    missingPhoto: string;
    openPhoto: (document: string) => string;
    confirm: (action: string, request: string) => string;
  };
  desk: {
    alarms: string;
    noAlarms: string;
    acknowledge: string;
    minimums: string;
    minimumHint: string;
    post: string;
    minimum: string;
    save: string;
    saved: string;
  };
  wall: WallDict;
};

/** The wall display's words. */
type WallDict = {
  perHour: string;
  eta: string;
  etaUnknown: string;
  roundDone: string;
  ofTotal: string;
  sealed: string;
  open: string;
  byPost: string;
  minimum: string;
  short: (post: string, onDuty: number, minimum: number) => string;
  urgent: string;
  oldest: string;
  none: string;
  grid: string;
  queue: string;
  queueEmpty: string;
  /** Approved and not yet fulfilled: counted as pending, but no longer waiting for a decision. */
  queueApproved: (n: number) => string;
  more: (n: number) => string;
  building: string;
  kind: string;
  age: string;
  requestKind: Record<RequestKind, string>;
  posts: Record<string, string>;
  alertUrgent: (kind: string, building: string) => string;
  alertPositive: (building: string) => string;
  alerts: string;
  positive: string;
  chartTests: string;
  chartOnDuty: string;
  chartPending: string;
  stale: string;
  expired: (since: string) => string;
  /** The round as people read it: the label the secretary typed (its id only when none was typed). */
  roundLabel: (name: string, kind: string, open: boolean) => string;
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
      outsideNow: "Outside now",
      overdue: "Overdue",
    },
    connection: { live: "Live", connecting: "Connecting…", reconnecting: "Connection lost: reconnecting…", offline: "Offline" },
    updated: "updated",
    never: "never",
    demo: "DEMO DATA: not a real compound",
    signIn: "Not signed in. Open the sign-in link the server printed at start-up (it ends in ?token=…), or ask the secretary for one.",
    wallTitle: "Compound status",
    ourCompound: "Our compound",
    deskTitle: "Secretary's desk",
    consoleTitle: "Volunteer console",
    round: "Round",
    noRound: "No round open",
    of: "of",
    language: "中文",
    console: {
      recorded: "Recorded",
      noRound: "No round is open: the secretary opens one first.",
      household: "Household",
      volunteer: "Volunteer",
      request: "Request",
      tested: { title: "Record a test", residents: "Residents swabbed" },
      result: { title: "Test result", negative: "Negative", positive: "Positive" },
      checkIn: { title: "Check in", post: "Post" },
      checkOut: { title: "Check out" },
      open: { title: "Open a request", kind: "Kind", urgent: "Urgent", note: "Note", person: "Person" },
      document: { title: "Attach a document", kind: "Document", letter: "Commitment letter", report: "Test report", testedAt: "Tested at" },
      submit: "Send",
    },
    queue: {
      title: "Requests to decide",
      empty: "No open requests",
      letter: "commitment letter",
      report: "test report",
      none: "none",
      releasable: "The release rule is met",
      delivery: "A delivery: no documents or override needed",
      needs: "Needs",
      reason: "Reason (for a rejection or an override)",
      approve: "Approve",
      override: "Approve with override",
      reject: "Reject",
      fulfilled: "Mark fulfilled",
      approved: "approved",
      photos: "Documents",
      missingPhoto: "no photo",
      openPhoto: (d) => `Open the photo of the ${d}`,
      confirm: (action, request) => `${action}: ${request}?`,
    },
    desk: {
      alarms: "Alarms",
      noAlarms: "No alarms",
      acknowledge: "Acknowledge",
      minimums: "Volunteers needed at each post",
      minimumHint: "The wall shows an alarm when fewer are on duty; 0 turns it off.",
      post: "Post",
      minimum: "Minimum",
      save: "Save",
      saved: "Saved",
    },
    wall: {
      perHour: "per hour",
      eta: "done about",
      etaUnknown: "no pace yet",
      roundDone: "round complete",
      ofTotal: "of",
      sealed: "sealed",
      open: "open",
      byPost: "by post",
      minimum: "min",
      short: (post, n, min) => `Too few volunteers at ${post}: ${n} on duty, ${min} needed`,
      urgent: "urgent",
      oldest: "oldest waiting",
      none: "none",
      grid: "Buildings: share of households tested",
      queue: "Waiting for a decision",
      queueEmpty: "No request waiting for a decision",
      queueApproved: (n) => `${n} approved, not yet fulfilled`,
      more: (n) => `+${n} more`,
      building: "Building",
      kind: "Request",
      age: "Waiting",
      requestKind: { leave: "Leave", medical: "Medical", medicine: "Medicine", supplies: "Supplies", other: "Other" },
      posts: { testing: "testing", gate: "gate", delivery: "delivery", medicine: "medicine", registry: "registry" },
      alertUrgent: (kind, b) => `Urgent ${kind.toLowerCase()} request · ${b}`,
      alertPositive: (b) => `Positive test result · ${b}`,
      alerts: "Alarms",
      positive: "positive",
      chartTests: "Households tested per 15 min",
      chartOnDuty: "Volunteers on duty",
      chartPending: "Pending requests",
      stale: "No word from the server for 30 s: numbers may be stale",
      expired: (since) => `No connection for over a minute. Numbers as of ${since}`,
      roundLabel: (name, kind, open) => `${name} (${kind.toUpperCase()})${open ? "" : ", closed"}`,
    },
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
      outsideNow: "外出未归",
      overdue: "逾时未归",
    },
    connection: { live: "实时", connecting: "连接中…", reconnecting: "连接中断：正在重连…", offline: "离线" },
    updated: "更新于",
    never: "从未",
    demo: "演示数据：并非真实小区",
    signIn: "尚未登录。请打开服务器启动时打印的登录链接（以 ?token=… 结尾），或向书记索取。",
    wallTitle: "小区实况",
    ourCompound: "本小区",
    deskTitle: "书记工作台",
    consoleTitle: "志愿者工作台",
    round: "检测轮次",
    noRound: "当前无检测轮次",
    of: "/",
    language: "English",
    console: {
      recorded: "已记录",
      noRound: "当前没有检测轮次：请书记先开启一轮。",
      household: "住户",
      volunteer: "志愿者",
      request: "请求编号",
      tested: { title: "登记采样", residents: "采样人数" },
      result: { title: "检测结果", negative: "阴性", positive: "阳性" },
      checkIn: { title: "上岗签到", post: "岗位" },
      checkOut: { title: "下岗签退" },
      open: { title: "提交请求", kind: "类型", urgent: "紧急", note: "备注", person: "当事人" },
      document: { title: "补充材料", kind: "材料", letter: "承诺书", report: "核酸报告", testedAt: "采样时间" },
      submit: "提交",
    },
    queue: {
      title: "待审批请求",
      empty: "暂无待处理请求",
      letter: "承诺书",
      report: "核酸报告",
      none: "无",
      releasable: "符合放行规则",
      delivery: "配送类：无需材料或特批，可直接批准",
      needs: "缺少",
      reason: "理由（驳回或特批时填写）",
      approve: "批准",
      override: "特批",
      reject: "驳回",
      fulfilled: "标记为已完成",
      approved: "已批准",
      photos: "证明材料",
      missingPhoto: "无照片",
      openPhoto: (d) => `打开${d}的照片`,
      confirm: (action, request) => `确定${action}：${request}？`,
    },
    desk: {
      alarms: "警报",
      noAlarms: "暂无警报",
      acknowledge: "确认",
      minimums: "各岗位最少在岗人数",
      minimumHint: "在岗人数低于此数时大屏报警；设为 0 则关闭。",
      post: "岗位",
      minimum: "最少人数",
      save: "保存",
      saved: "已保存",
    },
    wall: {
      perHour: "户/小时",
      eta: "预计完成",
      etaUnknown: "暂无进度",
      roundDone: "本轮已完成",
      ofTotal: "/",
      sealed: "封控",
      open: "未封控",
      byPost: "岗位",
      minimum: "最少",
      short: (post, n, min) => `${post}人手不足：在岗 ${n} 人，需要 ${min} 人`,
      urgent: "紧急",
      oldest: "最久等待",
      none: "无",
      grid: "楼栋：本轮已检测住户比例",
      queue: "等待审批的请求",
      queueEmpty: "暂无等待审批的请求",
      queueApproved: (n) => `另有 ${n} 件已批准、尚未办结`,
      more: (n) => `另有 ${n} 条`,
      building: "楼栋",
      kind: "类型",
      age: "已等待",
      requestKind: { leave: "外出", medical: "就医", medicine: "购药", supplies: "物资", other: "其他" },
      posts: { testing: "核酸采样", gate: "门岗", delivery: "配送", medicine: "送药", registry: "登记" },
      alertUrgent: (kind, b) => `紧急${kind}请求 · ${b}`,
      alertPositive: (b) => `阳性检测结果 · ${b}`,
      alerts: "警报",
      positive: "阳性",
      chartTests: "每15分钟检测户数",
      chartOnDuty: "在岗志愿者",
      chartPending: "待处理请求",
      stale: "30 秒未收到服务器消息：数据可能已过时",
      expired: (since) => `连接已中断超过一分钟。数据截至 ${since}`,
      roundLabel: (name, kind, open) => `${name}（${kind === "pcr" ? "核酸" : "抗原"}）${open ? "" : "，已结束"}`,
    },
  },
};
