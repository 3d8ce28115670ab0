// Why: round ids a person can read and say aloud (pcr-2026-11-25-1), numbered within the day so two rounds never share one.

/** The local calendar day of `at` as YYYY-MM-DD. */
export function localDay(at: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

/**
 * The id for a new round: `<kind>-<day>-<n>`, where n follows the last round's number when that
 * round was opened the same day (whatever its kind), and is 1 otherwise. Pure.
 */
export function nextRoundId(kind: string, lastRoundId: string | null, at: Date): string {
  const day = localDay(at);
  const m = lastRoundId?.match(/-(\d{4}-\d{2}-\d{2})-(\d+)$/);
  const n = m && m[1] === day ? Number(m[2]) + 1 : 1;
  return `${kind}-${day}-${n}`;
}
