// Why: the words of the phone's outbox, request numbers and documents, beside dict.ts (same languages, same shape rules).
import type { Lang } from "./dict";

type OutboxDict = {
  title: string;
  empty: string;
  waiting: (n: number) => string;
  refused: (n: number) => string;
  sentRecently: (n: number) => string;
  sending: string;
  nextTry: (seconds: number) => string;
  offline: string;
  signedOut: string;
  /** The console opened without a working sign-in. */
  signInNeeded: string;
  sendNow: string;
  fix: string;
  drop: string;
  confirmDrop: string;
  made: (time: string) => string;
  attempts: (n: number) => string;
  states: { waiting: string; sent: string; refused: string };
  kinds: Record<string, string>;
  /** Undoing one's own tap, result or check-in from the sent list, within the minutes allowed. */
  undo: string;
  undoTitle: (what: string) => string;
  undone: string;
  undoHint: string;
  /** A form's answer when the action is kept on the phone and not yet confirmed. */
  queued: string;
  photo: string;
  photoHint: string;
  photoKept: string;
  /** A photo kept with an action, not yet on the server. */
  photoWaiting: string;
  /** Uploaded; its event not yet sent. */
  photoUploaded: string;
  photoSent: string;
  requestNumber: string;
  requestOpened: (id: string) => string;
  addDocuments: string;
  otherRequest: string;
  thisRequest: string;
  testedAtHint: string;
};

export const OUTBOX: Record<Lang, OutboxDict> = {
  en: {
    title: "On this phone",
    empty: "Everything made on this phone has been sent.",
    waiting: (n) => `${n} waiting to be sent`,
    refused: (n) => `${n} refused`,
    sentRecently: (n) => `${n} sent today`,
    sending: "Sending…",
    nextTry: (s) => `Next try in ${s} s`,
    offline: "No connection: actions are kept on this phone and sent, in order, when it returns.",
    signedOut:
      "This phone was signed out. Ask the secretary for a new sign-in link; what is waiting stays on this phone and is sent once you open the new link.",
    signInNeeded:
      "This phone is not signed in, or was signed out. Ask the secretary for a new sign-in link (a QR code, or a link ending in ?token=…).",
    sendNow: "Send now",
    fix: "Fix",
    drop: "Drop",
    confirmDrop: "Drop this action? It will not be sent.",
    made: (t) => `made ${t}`,
    attempts: (n) => `${n} ${n === 1 ? "try" : "tries"}`,
    states: { waiting: "waiting", sent: "sent", refused: "refused" },
    kinds: {
      "household.tested": "Test recorded",
      "test.result": "Test result",
      "volunteer.checked_in": "Check in",
      "volunteer.checked_out": "Check out",
      "request.opened": "Request opened",
      "request.document_added": "Document added",
      "gate.scan": "Gate scan",
      "household.test_undone": "Test undone",
      "test.result_undone": "Result undone",
      "volunteer.checkin_undone": "Check-in undone",
    },
    undo: "Undo",
    undoTitle: (what) => `Undo: ${what}`,
    undone: "undone",
    undoHint: "A test, a result or a check-in made on this phone can be undone here for 10 minutes; after that, ask the secretary.",
    queued: "Saved on this phone: it is sent when the connection returns.",
    photo: "Photo of the document (optional)",
    photoHint: "The photo is kept on this phone and sent to the desk with the document, as soon as there is a connection.",
    photoKept: "photo on this phone",
    photoWaiting: "photo waiting to send",
    photoUploaded: "photo sent, document waiting",
    photoSent: "photo sent to the desk",
    requestNumber: "Request number",
    requestOpened: (id) => `Request ${id} opened: now add its documents.`,
    addDocuments: "Add its documents",
    otherRequest: "Another request",
    thisRequest: "For request",
    testedAtHint: "When the swab was taken",
  },
  "zh-CN": {
    title: "本机记录",
    empty: "本机的操作均已发送。",
    waiting: (n) => `${n} 条待发送`,
    refused: (n) => `${n} 条被拒绝`,
    sentRecently: (n) => `今日已发送 ${n} 条`,
    sending: "正在发送…",
    nextTry: (s) => `${s} 秒后重试`,
    offline: "没有网络：操作已保存在本机，恢复连接后按顺序发送。",
    signedOut: "本机已被退出登录。请向书记索取新的登录链接；待发送的操作仍保存在本机，打开新链接后自动发出。",
    signInNeeded: "本机尚未登录或已被退出登录。请向书记索取新的登录链接（二维码，或以 ?token=… 结尾的链接）。",
    sendNow: "立即发送",
    fix: "修改",
    drop: "删除",
    confirmDrop: "删除这条操作？删除后不会发送。",
    made: (t) => `${t} 记录`,
    attempts: (n) => `已尝试 ${n} 次`,
    states: { waiting: "待发送", sent: "已发送", refused: "被拒绝" },
    kinds: {
      "household.tested": "登记采样",
      "test.result": "检测结果",
      "volunteer.checked_in": "上岗签到",
      "volunteer.checked_out": "下岗签退",
      "request.opened": "提交请求",
      "request.document_added": "补充材料",
      "gate.scan": "门岗扫码",
      "household.test_undone": "撤销采样",
      "test.result_undone": "撤销结果",
      "volunteer.checkin_undone": "撤销签到",
    },
    undo: "撤销",
    undoTitle: (what) => `撤销：${what}`,
    undone: "已撤销",
    undoHint: "本机登记的采样、结果和签到，10 分钟内可在此撤销；超过后请联系书记。",
    queued: "已保存在本机：恢复连接后自动发送。",
    photo: "材料照片（可选）",
    photoHint: "照片先保存在本机，有网络时随材料一起发送给书记。",
    photoKept: "照片保存在本机",
    photoWaiting: "照片待发送",
    photoUploaded: "照片已上传，材料待发送",
    photoSent: "照片已发送给书记",
    requestNumber: "请求编号",
    requestOpened: (id) => `请求 ${id} 已提交：请补充材料。`,
    addDocuments: "补充材料",
    otherRequest: "其他请求",
    thisRequest: "所属请求",
    testedAtHint: "采样的时间",
  },
};
