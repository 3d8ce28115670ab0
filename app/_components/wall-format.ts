/** Formatting for the wall: numbers, clock times and waiting times through Intl. Pure. */
export const fmtNumber = (n: number, locale: string, digits = 0) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

export const fmtClock = (ms: number, locale: string, seconds = false) =>
  new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hour12: false }).format(
    ms,
  );

/** The local calendar day of an instant, as a number of days since the epoch (for "today", "tomorrow"). */
const localDay = (ms: number) => {
  const d = new Date(ms);
  return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
};

/**
 * A clock time that says its day when it is not today: "11:00", "明天 11:00" / "tomorrow 11:00", "昨天 …", or the
 * date for days further off ("12月9日 11:00"), so a time on the wall is never read as today's by mistake.
 */
export function fmtClockDay(ms: number, now: number, locale: string): string {
  const clock = fmtClock(ms, locale);
  const days = localDay(ms) - localDay(now);
  if (days === 0) return clock;
  if (Math.abs(days) === 1) return `${new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day")} ${clock}`;
  return `${new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }).format(ms)} ${clock}`;
}

/** A time of day with seconds, as the connection badge shows it. */
export const fmtTime = (ms: number, locale: string) => new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(ms);

const unit = (n: number, u: "minute" | "hour" | "day", locale: string) =>
  new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" }).format(n);

/** A waiting time as the two largest units ("1 hr 5 min", "1小时5分钟"); under a minute counts as 0 min. */
export function fmtAge(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return unit(minutes, "minute", locale);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m ? `${unit(hours, "hour", locale)} ${unit(m, "minute", locale)}` : unit(hours, "hour", locale);
  }
  const h = hours % 24;
  const days = unit(Math.floor(hours / 24), "day", locale);
  return h ? `${days} ${unit(h, "hour", locale)}` : days;
}

/** A span in hours and minutes, never days ("47 hr 59 min"): a report's age is read against 48 hours. */
export function fmtHours(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (hours === 0) return unit(m, "minute", locale);
  return m ? `${unit(hours, "hour", locale)} ${unit(m, "minute", locale)}` : unit(hours, "hour", locale);
}

/** The share tested as a whole percentage; 0 when there is nothing to test. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
