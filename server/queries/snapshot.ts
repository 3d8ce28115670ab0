import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, feedClock, requests, rounds } from "../../drizzle/schema";
import { type CountsMessage, emptyCounts, type Snapshot } from "../protocol/state";

/** Read at read time, so overdue moves with the clock: holders out through the gate, and those past their return time. */
export const outsideNowSql = sql<number>`(select count(*)::int from ${requests} where ${requests.community} = ${communityState.community} and ${requests.passOutAt} is not null)`;
export const overdueSql = sql<number>`(select count(*)::int from ${requests} where ${requests.community} = ${communityState.community} and ${requests.passOutAt} is not null and ${requests.passReturnBy} < now())`;

/** What a snapshot is read from: a community's rollup row, its current round, and who is outside now. */
export const SNAPSHOT_COLUMNS = {
  s: communityState,
  testedCount: rounds.testedCount,
  kind: rounds.kind,
  label: rounds.label,
  openedAt: rounds.openedAt,
  closedAt: rounds.closedAt,
  outsideNow: outsideNowSql,
  overdue: overdueSql,
};

/** The rollup's current round (the open one, or the last opened). */
export const currentRound = and(eq(rounds.community, communityState.community), eq(rounds.roundId, communityState.currentRoundId));

/** A community with no event yet. */
export const emptySnapshot = (community: string): Snapshot => ({
  seq: 0,
  community,
  demo: false,
  name: null,
  counts: emptyCounts(),
  round: null,
});

const buildSnapshotQuery = (db: Db) =>
  db
    .select(SNAPSHOT_COLUMNS)
    .from(communityState)
    .leftJoin(rounds, currentRound)
    .where(eq(communityState.community, sql.placeholder("community")))
    .prepare("read_snapshot");

/**
 * The query built once per database handle: drizzle otherwise rebuilds its SQL text on every call,
 * some 70 KiB of garbage each, and every subscriber, broadcast and /api/snapshot reads it.
 */
const snapshotQueries = new WeakMap<Db, ReturnType<typeof buildSnapshotQuery>>();

/** The counts of one community, read from the rollup in one query: the same cost at any feed size. */
export async function readSnapshot(db: Db, community: string): Promise<Snapshot> {
  let query = snapshotQueries.get(db);
  if (!query) {
    query = buildSnapshotQuery(db);
    snapshotQueries.set(db, query);
  }
  const [row] = await query.execute({ community });
  return row ? snapshotOf(community, row) : emptySnapshot(community);
}

/** A snapshot from a community's rollup row joined with its current round. */
export function snapshotOf(
  community: string,
  row: {
    s: typeof communityState.$inferSelect;
    testedCount: number | null;
    kind: string | null;
    label?: string | null;
    openedAt: Date | null;
    closedAt: Date | null;
    outsideNow?: number;
    overdue?: number;
  },
): Snapshot {
  const s = row.s;
  const open = s.currentRoundId && row.openedAt && !row.closedAt;
  return {
    seq: s.lastSeq,
    community,
    demo: s.demo,
    name: s.name ?? null,
    counts: {
      householdsTotal: s.householdsTotal,
      householdsTested: row.testedCount ?? 0,
      buildingsTotal: s.buildingsTotal,
      buildingsSealed: s.buildingsSealed,
      volunteersTotal: s.volunteersTotal,
      volunteersOnDuty: s.volunteersOnDuty,
      pendingRequests: s.pendingRequests,
      urgentRequests: s.urgentRequests,
      outsideNow: Number(row.outsideNow ?? 0),
      overdue: Number(row.overdue ?? 0),
    },
    round:
      open && s.currentRoundId && row.openedAt
        ? {
            roundId: s.currentRoundId,
            kind: row.kind as "pcr" | "antigen",
            openedAt: row.openedAt.toISOString(),
            label: row.label ?? null,
          }
        : null,
  };
}

export const toCountsMessage = (s: Snapshot): CountsMessage => ({ seq: s.seq, community: s.community, counts: s.counts });

/** The global feed position (health, listener start). */
export async function readFeedHead(db: Db): Promise<number> {
  const [row] = await db.select({ last: feedClock.last }).from(feedClock).where(eq(feedClock.id, 1));
  return row?.last ?? 0;
}
