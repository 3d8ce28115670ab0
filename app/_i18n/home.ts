// The words of a household's own page (/home), in both languages; Chinese is its default.
import type { Lang } from "./dict";

export const HOME_KINDS = ["leave", "medical", "medicine", "supplies", "other"] as const;
export type HomeKind = (typeof HOME_KINDS)[number];
type Status = "pending" | "approved" | "rejected" | "fulfilled" | "cancelled";

type HomeDict = {
  title: string;
  language: string;
  signIn: string;
  household: (building: string, unit: string) => string;
  live: string;
  offline: string;
  ask: string;
  kinds: Record<HomeKind, string>;
  urgent: string;
  person: string;
  personHint: string;
  note: string;
  noteHint: string;
  letter: string;
  report: string;
  reportTime: string;
  photoHint: string;
  send: string;
  sending: string;
  sent: string;
  mine: string;
  none: string;
  status: Record<Status, string>;
  opened: (at: string) => string;
  documents: (n: number) => string;
  decidedBecause: string;
  override: string;
  cancel: string;
  confirmCancel: string;
  failed: (why: string) => string;
  pass: PassWords;
};

/** The words of the pass a household shows at the gate (on /home) and the one the secretary prints. */
export type PassWords = {
  title: string;
  qr: (number: string) => string;
  number: string;
  until: (at: string) => string;
  trip: (hours: number) => string;
  noTripLimit: string;
  inside: string;
  outside: string;
  outSince: (at: string) => string;
  backBy: (at: string) => string;
  overdue: string;
  expired: string;
  changing: string;
  stale: string;
  whoFor: (person: string) => string;
};

export const HOME: Record<Lang, HomeDict> = {
  en: {
    title: "My household",
    language: "中文",
    signIn: "Open this page from the QR code on your door.",
    household: (b, u) => `${b} · room ${u}`,
    live: "Up to date",
    offline: "No connection: showing what was last received",
    ask: "Ask the committee",
    kinds: { leave: "Leave for work", medical: "Medical", medicine: "Medicine", supplies: "Supplies", other: "Other" },
    urgent: "Urgent",
    person: "Who",
    personHint: "The person concerned",
    note: "Why",
    noteHint: "What is needed, and why",
    letter: "Photo of the signed commitment letter",
    report: "Photo of the test report",
    reportTime: "When the test was taken",
    photoHint: "Leaving needs both photos. Medicine and supplies need none.",
    send: "Send the request",
    sending: "Sending…",
    sent: "Sent. The committee's answer will show here.",
    mine: "My requests",
    none: "No requests yet.",
    status: { pending: "Waiting", approved: "Approved", rejected: "Refused", fulfilled: "Done", cancelled: "Cancelled" },
    opened: (at) => `Asked ${at}`,
    documents: (n) => `${n} photo${n === 1 ? "" : "s"} attached`,
    decidedBecause: "Reason",
    override: "Approved by the secretary's decision",
    cancel: "Cancel this request",
    confirmCancel: "Cancel this request? The committee will no longer look at it.",
    failed: (why) => `Could not do that: ${why}`,
    pass: {
      title: "Gate pass",
      qr: (n) => `Gate pass QR code, number ${n}`,
      number: "Pass number",
      until: (at) => `Valid until ${at}`,
      trip: (h) => `Each trip: at most ${h} h`,
      noTripLimit: "No time limit on a trip",
      inside: "Inside",
      outside: "Outside",
      outSince: (at) => `Out since ${at}`,
      backBy: (at) => `Back by ${at}`,
      overdue: "Past the return time: come back now",
      expired: "This pass has run out. Ask the committee for a new one.",
      changing: "Show this screen at the gate. The code changes every 10 minutes: a screenshot will not work.",
      stale: "No connection for a while: this code is out of date. Connect to the network to show the current one.",
      whoFor: (p) => `For: ${p}`,
    },
  },
  "zh-CN": {
    title: "我的住户",
    language: "English",
    signIn: "请扫描门上的二维码打开此页面。",
    household: (b, u) => `${b} · ${u} 室`,
    live: "已是最新",
    offline: "没有网络：显示的是最后收到的内容",
    ask: "向居委会申请",
    kinds: { leave: "外出上班", medical: "就医", medicine: "买药", supplies: "物资", other: "其他" },
    urgent: "紧急",
    person: "申请人",
    personHint: "需要办理的人",
    note: "事由",
    noteHint: "需要什么，为什么",
    letter: "已签字承诺书的照片",
    report: "核酸检测报告的照片",
    reportTime: "采样时间",
    photoHint: "外出须两张照片都有；买药、物资无需照片。",
    send: "提交申请",
    sending: "提交中…",
    sent: "已提交。居委会的答复会显示在这里。",
    mine: "我的申请",
    none: "还没有申请。",
    status: { pending: "等待审批", approved: "已批准", rejected: "未批准", fulfilled: "已完成", cancelled: "已撤销" },
    opened: (at) => `申请于 ${at}`,
    documents: (n) => `已附 ${n} 张照片`,
    decidedBecause: "理由",
    override: "经书记特批",
    cancel: "撤销此申请",
    confirmCancel: "确定撤销此申请？居委会将不再处理。",
    failed: (why) => `操作失败：${why}`,
    pass: {
      title: "出入通行证",
      qr: (n) => `通行证二维码，号码 ${n}`,
      number: "通行证号码",
      until: (at) => `有效期至 ${at}`,
      trip: (h) => `每次外出最长 ${h} 小时`,
      noTripLimit: "每次外出不限时长",
      inside: "在小区内",
      outside: "已外出",
      outSince: (at) => `${at} 出门`,
      backBy: (at) => `须于 ${at} 前返回`,
      overdue: "已超过返回时间，请尽快返回",
      expired: "此通行证已过期，请向居委会重新申请。",
      changing: "在门岗出示此页面。二维码每 10 分钟更换一次，截图无效。",
      stale: "已有一段时间没有网络：此二维码已过时。请连接网络以显示当前二维码。",
      whoFor: (p) => `持证人：${p}`,
    },
  },
};
