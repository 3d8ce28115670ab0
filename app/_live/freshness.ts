/** How fresh the wall's numbers are, from the last time the server was heard from. Pure. */
export const STALE_AFTER_MS = 30_000;
export const EXPIRED_AFTER_MS = 60_000;

export type Freshness = "fresh" | "stale" | "expired";

/** `fresh` within 30 s of hearing the server (heartbeat or data), `stale` until 60 s, then `expired`. */
export function freshness(now: number, lastHeardAt: number): Freshness {
  const quiet = now - lastHeardAt;
  if (quiet >= EXPIRED_AFTER_MS) return "expired";
  if (quiet >= STALE_AFTER_MS) return "stale";
  return "fresh";
}

/** The latest of the times the server spoke; `since` (when the page started) when it never has. */
export const lastHeard = (since: number, ...times: (number | null)[]): number =>
  Math.max(since, ...times.filter((t): t is number => t !== null));

/** Reload once for a new server build: not for the first version seen, and never twice for the same one. */
export function shouldReload(firstVersion: string | null, version: string, reloadedFor: string | null): boolean {
  return firstVersion !== null && version !== firstVersion && reloadedFor !== version;
}
