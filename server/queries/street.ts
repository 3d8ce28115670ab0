// Why: the street office's wall (contract v1.2, section 9): every compound it watches in one answer, one query.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, events, rounds } from "../../drizzle/schema";
import type { StreetEntry } from "../protocol/state";
import { currentRound, emptySnapshot, SNAPSHOT_COLUMNS, snapshotOf } from "./snapshot";

/** The compounds named (all of them for `null`), each as its snapshot with its name and last event's time. */
export async function readStreet(db: Db, communities: string[] | null): Promise<StreetEntry[]> {
  if (communities?.length === 0) return [];
  const rows = await db
    .select({ ...SNAPSHOT_COLUMNS, lastEventAt: events.recordedAt })
    .from(communityState)
    .leftJoin(rounds, currentRound)
    .leftJoin(events, eq(events.seq, communityState.lastSeq))
    .where(communities ? inArray(communityState.community, communities) : undefined)
    .orderBy(asc(communityState.community));
  const found = new Map<string, StreetEntry>(
    rows.map((r) => [
      r.s.community,
      { ...snapshotOf(r.s.community, r), name: r.s.name ?? null, lastEventAt: r.lastEventAt?.toISOString() ?? null },
    ]),
  );
  // A compound named but without an event yet still has its tile, empty.
  for (const c of communities ?? []) if (!found.has(c)) found.set(c, { ...emptySnapshot(c), name: null, lastEventAt: null });
  return [...found.values()];
}
