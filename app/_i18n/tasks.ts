// Why: the names of the console's tasks, beside outbox.ts (same languages, same shape rules).
import type { Task } from "../console/tasks";
import type { Lang } from "./dict";

export const TASK_NAMES: Record<Lang, { nav: string } & Record<Task, string>> = {
  en: {
    nav: "Tasks",
    doors: "Knock doors",
    duty: "Check in / out",
    request: "Open a request",
    decided: "Decided",
    outbox: "On this phone",
  },
  "zh-CN": { nav: "任务", doors: "扫楼", duty: "签到签退", request: "提交请求", decided: "审批结果", outbox: "本机记录" },
};
