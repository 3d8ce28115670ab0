// The desk's words for its controls: sealing, rounds, the decisions' basis and the confirmations, in both languages.
import type { ReleaseBasis } from "../../server/domain/requests";
import type { Lang } from "./dict";

type RoundKind = "pcr" | "antigen";

type DeskDict = {
  confirm: string;
  cancel: string;
  working: string;
  close: string;
  building: {
    hint: string;
    sealed: string;
    open: string;
    seal: string;
    unseal: string;
    reason: string;
    sealTitle: (b: string) => string;
    sealBody: (b: string) => string;
    unsealTitle: (b: string) => string;
    unsealBody: (b: string) => string;
  };
  households: {
    show: string;
    hide: string;
    title: (b: string) => string;
    loading: string;
    none: string;
    state: Record<"untested" | "tested" | "vacant" | "moved_out" | "empty" | "lived", string>;
    residents: (n: number) => string;
    pick: string;
    vacate: string;
    vacateTitle: (h: string) => string;
    vacateBody: (h: string) => string;
    kinds: Record<"vacant" | "moved_out", string>;
    kind: string;
    reason: string;
    reoccupy: string;
    reoccupyTitle: (h: string) => string;
    reoccupyBody: (h: string) => string;
    undoTap: string;
    history: string;
    historyTitle: (h: string) => string;
  };
  round: {
    open: string;
    close: string;
    kind: string;
    kinds: Record<RoundKind, string>;
    label: string;
    id: string;
    openTitle: string;
    openBody: (id: string, kind: string, label: string) => string;
    closeTitle: (name: string) => string;
    closeBody: (name: string) => string;
  };
  decision: {
    basis: Record<ReleaseBasis, string>;
    /** The line on an approved request: why it was released. */
    approvedBecause: (basis: string) => string;
    overrideReason: string;
    decided: (age: string) => string;
    note: string;
  };
  charts: string;
  demo: { clear: string; title: string; body: string };
  pass: {
    line: (until: string, left: string) => string;
    trip: (hours: number) => string;
    noTripLimit: string;
    lapsed: string;
    newReport: string;
    shorten: string;
    until: string;
    tripHours: string;
    hint: string;
  };
};

export const DESK: Record<Lang, DeskDict> = {
  en: {
    pass: {
      line: (until, left) => `Pass until ${until} (${left} left)`,
      trip: (h) => `trips of at most ${h} h`,
      noTripLimit: "no limit on a trip",
      lapsed: "The pass has run out: approve a new one if they still need to go out",
      newReport: "Lapses soon: ask for a new test report before then if they still need to go out",
      shorten: "Shorten the pass (optional)",
      until: "Until",
      tripHours: "Hours per trip",
      hint: "Left empty: leave until the report is 48 h old with 12 h trips; medical 24 h with no trip limit.",
    },
    confirm: "Confirm",
    cancel: "Cancel",
    working: "Sending…",
    close: "Close",
    building: {
      hint: "Click a building to seal or unseal it, or to see its history.",
      sealed: "Sealed",
      open: "Not sealed",
      seal: "Seal…",
      unseal: "Unseal…",
      reason: "Reason (optional, kept in the history)",
      sealTitle: (b) => `Seal ${b}?`,
      sealBody: (b) =>
        `${b} will be sealed now: its residents stay at home until it is unsealed. Every screen, the wall included, shows it sealed.`,
      unsealTitle: (b) => `Unseal ${b}?`,
      unsealBody: (b) => `${b} will be unsealed now and shown open on every screen, the wall included.`,
    },
    households: {
      show: "Households…",
      hide: "Hide the households",
      title: (b) => `Households of ${b}`,
      loading: "Loading the households…",
      none: "No household is registered in this building.",
      state: {
        untested: "not tested",
        tested: "tested",
        vacant: "vacant",
        moved_out: "moved out",
        empty: "no residents",
        lived: "lived in",
      },
      residents: (n) => `${n} resident${n === 1 ? "" : "s"}`,
      pick: "Click a household to correct it: undo its tap in this round, or mark it vacant or moved out.",
      vacate: "Vacant or moved out…",
      vacateTitle: (h) => `Mark ${h} vacant or moved out?`,
      vacateBody: (h) =>
        `${h} leaves the households to test, the counts and the door-knocking list from now on. Nothing is deleted: its history stays, and it can be marked lived in again.`,
      kinds: { vacant: "Vacant (nobody lives there)", moved_out: "Moved out" },
      kind: "Mark as",
      reason: "Reason (optional, kept in the history)",
      reoccupy: "Lived in again…",
      reoccupyTitle: (h) => `Mark ${h} lived in again?`,
      reoccupyBody: (h) => `${h} counts again among the households and goes back onto the door-knocking list of the open round.`,
      undoTap: "Undo the tap…",
      history: "history",
      historyTitle: (h) => `Everything recorded about ${h}`,
    },
    round: {
      open: "Open a round…",
      close: "Close the round…",
      kind: "Kind",
      kinds: { pcr: "PCR", antigen: "Antigen" },
      label: "Label (optional)",
      id: "Round id",
      openTitle: "Open a testing round?",
      openBody: (id, kind, label) =>
        `Round ${id} (${kind}${label ? `, “${label}”` : ""}) opens now. Tests recorded from now on count in it, and the share tested starts again from zero.`,
      closeTitle: (name) => `Close round ${name}?`,
      closeBody: (name) =>
        `Round ${name} closes now: no more tests can be recorded in it. Its figures stay on the screens until a new round opens.`,
    },
    decision: {
      basis: {
        documents: "the release rule is met",
        urgent_medical: "urgent medical",
        override: "override",
        delivery: "a delivery (no documents needed)",
      },
      approvedBecause: (basis) => `Approved: ${basis}`,
      overrideReason: "Override reason",
      decided: (age) => `decided ${age} ago`,
      note: "Note",
    },
    charts: "Today",
    demo: {
      clear: "Clear the demo and start our compound…",
      title: "Clear the demo?",
      body: "The demo compound's buildings, households, volunteers, rounds, requests, alarms and charts are removed from every screen, the simulated feed stops and the counts start from zero. The posts' names stay. Links minted for demo volunteers stop working. The demo's events stay in the feed. Next: import your own registry.",
    },
  },
  "zh-CN": {
    confirm: "确认",
    cancel: "取消",
    working: "提交中…",
    close: "关闭",
    building: {
      hint: "点击楼栋可封控或解封，或查看其记录。",
      sealed: "已封控",
      open: "未封控",
      seal: "封控…",
      unseal: "解封…",
      reason: "理由（可不填，记入记录）",
      sealTitle: (b) => `封控${b}？`,
      sealBody: (b) => `${b}将立即封控：居民须居家，直至解封。所有屏幕（包括大屏）都将显示其为封控状态。`,
      unsealTitle: (b) => `解封${b}？`,
      unsealBody: (b) => `${b}将立即解封，所有屏幕（包括大屏）都将显示其为未封控。`,
    },
    households: {
      show: "住户…",
      hide: "收起住户",
      title: (b) => `${b}的住户`,
      loading: "正在加载住户…",
      none: "此楼栋没有登记住户。",
      state: { untested: "未采样", tested: "已采样", vacant: "空置", moved_out: "已迁出", empty: "无人居住", lived: "在住" },
      residents: (n) => `${n} 人`,
      pick: "点击住户可更正：撤销本轮的采样登记，或标记为空置、已迁出。",
      vacate: "标记空置或迁出…",
      vacateTitle: (h) => `将 ${h} 标记为空置或已迁出？`,
      vacateBody: (h) => `${h} 此后不计入应检住户和各项数字，也不在敲门名单上。不删除任何记录，之后可恢复为在住。`,
      kinds: { vacant: "空置（无人居住）", moved_out: "已迁出" },
      kind: "标记为",
      reason: "原因（可不填，记入记录）",
      reoccupy: "恢复在住…",
      reoccupyTitle: (h) => `将 ${h} 恢复为在住？`,
      reoccupyBody: (h) => `${h} 重新计入住户，并回到本轮的敲门名单。`,
      undoTap: "撤销采样登记…",
      history: "记录",
      historyTitle: (h) => `${h} 的全部记录`,
    },
    round: {
      open: "开启检测轮次…",
      close: "结束本轮检测…",
      kind: "类型",
      kinds: { pcr: "核酸", antigen: "抗原" },
      label: "名称（可不填）",
      id: "轮次编号",
      openTitle: "开启新的检测轮次？",
      openBody: (id, kind, label) =>
        `轮次 ${id}（${kind}${label ? `，“${label}”` : ""}）将立即开启。此后登记的采样计入本轮，已检测比例从零重新开始。`,
      closeTitle: (name) => `结束检测轮次 ${name}？`,
      closeBody: (name) => `轮次 ${name} 将立即结束，之后不能再登记采样。在新一轮开启前，各屏幕仍显示本轮数据。`,
    },
    decision: {
      basis: { documents: "符合放行规则", urgent_medical: "紧急就医", override: "特批", delivery: "配送类（无需材料）" },
      approvedBecause: (basis) => `已批准：${basis}`,
      overrideReason: "特批理由",
      decided: (age) => `${age}前批准`,
      note: "备注",
    },
    charts: "今日",
    pass: {
      line: (until, left) => `通行证有效至 ${until}（还剩 ${left}）`,
      trip: (h) => `每次外出最长 ${h} 小时`,
      noTripLimit: "每次外出不限时长",
      lapsed: "通行证已过期：如仍需外出，请重新审批",
      newReport: "即将过期：如需继续外出，请在过期前让住户上传新的核酸报告",
      shorten: "缩短通行证（可不填）",
      until: "有效至",
      tripHours: "每次外出小时数",
      hint: "不填则按默认：外出至报告满 48 小时、每次 12 小时；就医 24 小时、不限时长。",
    },
    demo: {
      clear: "清除演示数据，开始录入本小区…",
      title: "清除演示数据？",
      body: "演示小区的楼栋、住户、志愿者、检测轮次、请求、警报和图表将从所有屏幕上移除，模拟数据停止，各项数字从零开始。岗位名称保留。为演示志愿者生成的登录链接失效。演示事件仍保留在事件流中。下一步：导入本小区的登记表。",
    },
  },
};

/** The desk's words in the language of a `locale` string as the components receive it. */
export const deskWords = (locale: string) => DESK[locale === "zh-CN" ? "zh-CN" : "en"];
