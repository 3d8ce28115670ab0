// Why: a compound's day runs midnight to midnight on its own clock; Intl knows the zone's rules, so no date library is needed.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, f);
  }
  return f;
}

function parts(instant: number, timeZone: string): { date: string; hour: number } {
  const p = Object.fromEntries(
    format(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/** The calendar date (`YYYY-MM-DD`) at `instant` on the zone's clock. */
export const localDate = (instant: number, timeZone: string): string => parts(instant, timeZone).date;

/** The hour (0–23) at `instant` on the zone's clock. */
export const localHour = (instant: number, timeZone: string): number => parts(instant, timeZone).hour;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first second whose local date is `date` or later: the day's midnight, or, where the
 * zone's clocks skip midnight, the moment the day begins. Found by bisection over the two
 * days around it, which holds for any offset and any daylight-saving rule.
 */
function startOf(date: string, timeZone: string): number {
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  // Local offsets lie within −12 h and +14 h: before `lo` every zone is still on the day before, at `hi` all are on `date`.
  let lo = noonUtc - 28 * 3_600_000;
  let hi = noonUtc + 2 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (localDate(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The day `date` on the zone's clock as the instants [start, end): 24 hours, or 23 or 25 on a daylight-saving change. */
export function dayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: new Date(startOf(date, timeZone)), end: new Date(startOf(addDays(date, 1), timeZone)) };
}
