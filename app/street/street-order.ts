// Why: the street office looks first where help is needed: the tiles are ordered by what needs attention. Pure.
import type { StreetEntry } from "../../server/protocol/state";

/** A compound silent this long, with an open round, is a problem too. */
export const SILENT_AFTER_MS = 60 * 60_000;

/** The share of households tested in the round, 0–1; null without households or a round. */
export function coverage(e: StreetEntry): number | null {
  if (!e.round || e.counts.householdsTotal === 0) return null;
  return e.counts.householdsTested / e.counts.householdsTotal;
}

/** Whether the compound has been silent too long while a round is open. */
export const silent = (e: StreetEntry, now: number): boolean =>
  e.round !== null && (e.lastEventAt === null || now - Date.parse(e.lastEventAt) >= SILENT_AFTER_MS);

/** The posts with fewer volunteers on duty than their minimum: a gate left thin needs the office too. */
export const shortPosts = (e: StreetEntry) => (e.posts ?? []).filter((p) => p.minimum !== null && p.onDuty < p.minimum);

/**
 * Urgent requests waiting first, then compounds gone silent, then posts below their minimum, holders overdue
 * through the gate, then the lowest round coverage, the most buildings sealed, the most requests pending; then by
 * name, so equal tiles never swap places.
 */
export function byAttention(entries: readonly StreetEntry[], now: number): StreetEntry[] {
  const key = (e: StreetEntry) => [
    -e.counts.urgentRequests,
    silent(e, now) ? 0 : 1,
    -shortPosts(e).length,
    -(e.counts.overdue ?? 0),
    coverage(e) ?? 2,
    -e.counts.buildingsSealed,
    -e.counts.pendingRequests,
  ];
  return [...entries].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
    return (a.name ?? a.community).localeCompare(b.name ?? b.community, "zh-CN");
  });
}
