// Why: the words of /people's volunteer list as a list of people: search, phone, merging duplicates and retiring.
import type { Lang } from "./dict";

type ListDict = {
  /** The compound until it is named. */
  ours: string;
  search: string;
  searchHint: string;
  phone: string;
  noPhone: string;
  building: string;
  undoCheckIn: string;
  actions: string;
  merge: string;
  mergeTitle: (name: string) => string;
  mergeInto: string;
  mergeBody: (from: string, into: string) => string;
  mergeConfirm: string;
  retire: string;
  retireTitle: (name: string) => string;
  retireBody: (name: string) => string;
  retireConfirm: string;
  reason: string;
  cancel: string;
  working: string;
  shown: (shown: number, total: number) => string;
  pick: string;
};

export const PEOPLE_LIST: Record<Lang, ListDict> = {
  en: {
    ours: "our compound",
    search: "Find a volunteer",
    searchHint: "name, phone, building, skill or post",
    phone: "Phone",
    noPhone: "—",
    building: "Lives in",
    undoCheckIn: "Undo the check-in…",
    actions: "Duplicates",
    merge: "Merge…",
    mergeTitle: (n) => `Merge ${n} into another volunteer`,
    mergeInto: "Keep this volunteer",
    mergeBody: (f, i) =>
      `${f} is retired into ${i}: counted once from now on, on duty as one person. Everything recorded about ${f} stays in the history.`,
    mergeConfirm: "Merge",
    retire: "Retire",
    retireTitle: (n) => `Retire ${n}`,
    retireBody: (n) => `${n} leaves the list and the counts (checked out if on duty). Their history stays.`,
    retireConfirm: "Retire",
    reason: "Reason (optional)",
    cancel: "Cancel",
    working: "Saving…",
    shown: (s, t) => `${s} of ${t}`,
    pick: "Choose…",
  },
  "zh-CN": {
    ours: "本小区",
    search: "查找志愿者",
    searchHint: "姓名、电话、楼号、技能或岗位",
    phone: "电话",
    noPhone: "—",
    building: "所住楼号",
    undoCheckIn: "撤销签到…",
    actions: "重复处理",
    merge: "合并…",
    mergeTitle: (n) => `把 ${n} 合并到另一位志愿者`,
    mergeInto: "保留的志愿者",
    mergeBody: (f, i) => `${f} 将并入 ${i}：此后只算一人，在岗状态随人转移。${f} 的全部记录保留在历史中。`,
    mergeConfirm: "合并",
    retire: "停用",
    retireTitle: (n) => `停用 ${n}`,
    retireBody: (n) => `${n} 将从名单和人数中移除（如在岗则签退），其记录保留。`,
    retireConfirm: "停用",
    reason: "原因（可不填）",
    cancel: "取消",
    working: "正在保存…",
    shown: (s, t) => `${s} / ${t} 人`,
    pick: "请选择…",
  },
};
