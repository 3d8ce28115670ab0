/** The round's pace and when it will be done, from the tests of the recent past. Pure, no I/O. */
export const RATE_WINDOW_MS = 60 * 60_000;
/** Below this much history a rate is too noisy to extrapolate. */
export const MIN_RATE_WINDOW_MS = 5 * 60_000;

/** The window the rate is measured over: the last hour, or since the round opened when that is shorter. */
export function rateWindowMs(now: number, openedAt: number): number {
  return Math.min(RATE_WINDOW_MS, Math.max(0, now - openedAt));
}

/** Households per hour over a window; 0 when the window is too short to say. */
export function ratePerHour(testedInWindow: number, windowMs: number): number {
  if (windowMs < MIN_RATE_WINDOW_MS || testedInWindow <= 0) return 0;
  return (testedInWindow * 3_600_000) / windowMs;
}

/** When the remaining households will be done at this rate: `now` when none remain, null when there is no pace. */
export function estimateCompletion(remaining: number, perHour: number, now: number): number | null {
  if (remaining <= 0) return now;
  if (perHour <= 0) return null;
  return now + Math.round((remaining / perHour) * 3_600_000);
}
