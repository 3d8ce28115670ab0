// Why: the street office's wall (contract v1.2, section 9): every compound it watches in one answer, one query.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, events, rounds } from "../../drizzle/schema";
import type { StreetEntry } from "../protocol/state";
import { outsideNowSql, overdueSql, snapshotOf } from "./snapshot";

/** The compounds named (all of them for `null`), each as its snapshot with its name and last event's time. */
export async function readStreet(db: Db, communities: string[] | null): Promise<StreetEntry[]> {
  if (communities?.length === 0) return [];
  const rows = await db
    .select({
      s: communityState,
      testedCount: rounds.testedCount,
      kind: rounds.kind,
      label: rounds.label,
      openedAt: rounds.openedAt,
      closedAt: rounds.closedAt,
      lastEventAt: events.recordedAt,
      outsideNow: outsideNowSql,
      overdue: overdueSql,
    })
    .from(communityState)
    .leftJoin(rounds, and(eq(rounds.community, communityState.community), eq(rounds.roundId, communityState.currentRoundId)))
    .leftJoin(events, eq(events.seq, communityState.lastSeq))
    .where(communities ? inArray(communityState.community, communities) : undefined)
    .orderBy(asc(communityState.community));
  const found = new Map(
    rows.map((r) => [
      r.s.community,
      { ...snapshotOf(r.s.community, r), name: r.s.name ?? null, lastEventAt: r.lastEventAt?.toISOString() ?? null } satisfies StreetEntry,
    ]),
  );
  // A compound named but without an event yet still has its tile, empty.
  for (const c of communities ?? [])
    if (!found.has(c))
      found.set(c, {
        ...snapshotOf(c, {
          s: { ...EMPTY, community: c },
          testedCount: null,
          kind: null,
          openedAt: null,
          closedAt: null,
        }),
        name: null,
        lastEventAt: null,
      });
  return [...found.values()];
}

const EMPTY: typeof communityState.$inferSelect = {
  community: "",
  lastSeq: 0,
  demo: false,
  householdsTotal: 0,
  buildingsTotal: 0,
  buildingsSealed: 0,
  volunteersTotal: 0,
  volunteersOnDuty: 0,
  pendingRequests: 0,
  urgentRequests: 0,
  currentRoundId: null,
  name: null,
};
