// Why: the desk's words for a request's documents (which are there, which are missing, a report's age and its 48-hour moment) and for a new urgent one.
import type { Lang } from "./dict";

type EvidenceDict = {
  letter: string;
  report: string;
  present: string;
  missing: string;
  sampled: (at: string) => string;
  old: (age: string) => string;
  turns48: (at: string, left: string) => string;
  over48: (at: string) => string;
  newUrgent: (what: string) => string;
  seen: string;
};

export const EVIDENCE: Record<Lang, EvidenceDict> = {
  en: {
    letter: "Commitment letter",
    report: "Test report",
    present: "received",
    missing: "missing",
    sampled: (at) => `sampled ${at}`,
    old: (age) => `${age} old`,
    turns48: (at, left) => `turns 48 h old at ${at} (in ${left})`,
    over48: (at) => `over 48 h old since ${at}: too old for a release`,
    newUrgent: (what) => `New urgent request: ${what}`,
    seen: "Seen",
  },
  "zh-CN": {
    letter: "承诺书",
    report: "检测报告",
    present: "已收到",
    missing: "缺少",
    sampled: (at) => `采样于 ${at}`,
    old: (age) => `已过 ${age}`,
    turns48: (at, left) => `${at} 满 48 小时（还有 ${left}）`,
    over48: (at) => `${at} 起已超过 48 小时，不能据此放行`,
    newUrgent: (what) => `新的紧急请求：${what}`,
    seen: "知道了",
  },
};
