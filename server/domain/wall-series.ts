/** The wall's charts: 15-minute buckets over the last day. Pure, no I/O. */
export const BUCKET_MS = 15 * 60_000;
export const WINDOW_BUCKETS = 96;

/** The start (ms since epoch) of the 15-minute bucket holding `at`. */
export const bucketStart = (at: Date | number): number => Math.floor(Number(at) / BUCKET_MS) * BUCKET_MS;

/** The first bucket of the window that ends with the bucket holding `now`. */
export const windowStart = (now: number, buckets = WINDOW_BUCKETS): number => bucketStart(now) - (buckets - 1) * BUCKET_MS;

export interface BucketRow {
  start: number;
  tests: number;
  onDutyDelta: number;
  pendingDelta: number;
}

export interface SeriesPoint {
  /** Bucket start, ms since epoch. */
  t: number;
  tests: number;
  onDuty: number;
  pending: number;
}

/**
 * A fixed-size window of points, oldest first. Tests are per bucket; the two levels are those at
 * the end of each bucket, worked back from the current levels by undoing the later changes.
 */
export function buildSeries(
  rows: readonly BucketRow[],
  now: number,
  current: { onDuty: number; pending: number },
  buckets = WINDOW_BUCKETS,
): SeriesPoint[] {
  const first = windowStart(now, buckets);
  const byStart = new Map<number, BucketRow>();
  let onDutyAfter = 0;
  let pendingAfter = 0;
  const last = first + (buckets - 1) * BUCKET_MS;
  for (const r of rows) {
    if (r.start > last) {
      onDutyAfter += r.onDutyDelta;
      pendingAfter += r.pendingDelta;
    } else if (r.start >= first) byStart.set(r.start, r);
  }
  const points: SeriesPoint[] = new Array(buckets);
  let onDuty = current.onDuty - onDutyAfter;
  let pending = current.pending - pendingAfter;
  for (let i = buckets - 1; i >= 0; i--) {
    const t = first + i * BUCKET_MS;
    const r = byStart.get(t);
    points[i] = { t, tests: r?.tests ?? 0, onDuty: Math.max(0, onDuty), pending: Math.max(0, pending) };
    onDuty -= r?.onDutyDelta ?? 0;
    pending -= r?.pendingDelta ?? 0;
  }
  return points;
}
