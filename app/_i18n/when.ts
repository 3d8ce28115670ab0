// Why: a moment as a person reads it: in the phone's own time zone and the screen's language, never as raw ISO text.
import type { Lang } from "./dict";

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** "12月6日 14:30" or "Dec 6, 14:30"; the year too when it is not this year's. */
export function localWhen(iso: string | number | Date, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const withYear = d.getFullYear() !== new Date().getFullYear();
  const key = `${lang}:${withYear}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      ...(withYear ? { year: "numeric" } : {}),
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    FORMATS.set(key, f);
  }
  return f.format(d);
}

/** Whether a value looks like an ISO 8601 moment (a reason's parameter that is a time). */
export const isIsoMoment = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v);
