// Why: the sign-ins the server makes itself carry fixed English labels; a person reads them in the screen's language.
import type { Lang } from "./dict";

const FIXED: Record<string, Record<Lang, string>> = {
  "start-up link: secretary": { en: "start-up link: secretary", "zh-CN": "启动链接：书记" },
  "start-up link: wall display": { en: "start-up link: wall display", "zh-CN": "启动链接：大屏" },
  ADMIN_TOKEN: { en: "administrator", "zh-CN": "管理员" },
};

/** A sign-in's label (the feed's actor) as a person reads it: the server's own in the screen's language, others as typed. */
export const tokenLabel = (label: string, lang: Lang): string => FIXED[label]?.[lang] ?? label;
