// Why: the words of the console's "what was decided" list, beside outbox.ts (same languages, same shape rules).
import type { Lang } from "./dict";

type Status = "pending" | "approved" | "rejected" | "fulfilled" | "cancelled";

type FollowedDict = {
  title: string;
  hint: (building: string | null) => string;
  empty: string;
  status: Record<Status, string>;
  reason: string;
  openedHere: string;
  asOf: (time: string) => string;
};

export const FOLLOWED: Record<Lang, FollowedDict> = {
  en: {
    title: "What was decided",
    hint: (b) => (b ? `Requests of ${b} and the ones opened on this phone, today.` : "Requests opened on this phone, today."),
    empty: "No requests to follow yet.",
    status: {
      pending: "waiting for a decision",
      approved: "approved",
      rejected: "rejected",
      fulfilled: "done",
      cancelled: "cancelled",
    },
    reason: "Reason",
    openedHere: "opened on this phone",
    asOf: (t) => `as of ${t} (no connection)`,
  },
  "zh-CN": {
    title: "审批结果",
    hint: (b) => (b ? `${b}的请求及本机提交的请求（今日）。` : "本机提交的请求（今日）。"),
    empty: "暂无需要跟进的请求。",
    status: { pending: "等待审批", approved: "已批准", rejected: "未批准", fulfilled: "已完成", cancelled: "已撤回" },
    reason: "原因",
    openedHere: "本机提交",
    asOf: (t) => `${t} 的情况（无网络）`,
  },
};

export const isStatus = (s: string): s is Status => s in FOLLOWED.en.status;
