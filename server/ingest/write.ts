// Why: a group of appends is written with one multi-row statement per table, all sent at once.
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../drizzle/client";
import { activityBuckets, communityState, events, feedClock, postMinimums } from "../../drizzle/schema";
import type { BatchEffects } from "./batch";
import { type State, TABLES, type TableName } from "./state";

export const FEED_CHANNEL = "cordon_feed";

/** Statements take at most this many rows, so any group stays under PostgreSQL's 65,535 parameters. */
export const STATEMENT_ROWS = 1000;
export function* chunks<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += STATEMENT_ROWS) yield list.slice(i, i + STATEMENT_ROWS);
}

/** The primary key of each entity table: an upsert's conflict target. */
const KEYS: { [T in TableName]: string[] } = {
  buildings: ["community", "buildingId"],
  households: ["community", "householdId"],
  volunteers: ["community", "volunteerId"],
  rounds: ["community", "roundId"],
  roundTests: ["community", "roundId", "householdId"],
  requests: ["community", "requestId"],
  alerts: ["seq"],
  posts: ["community", "post"],
};

/** INSERT … ON CONFLICT (key) DO UPDATE SET every other column = excluded: new rows and changed rows in one statement. */
function upsert(tx: Tx, table: PgTable, keys: string[], rows: Record<string, unknown>[]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const set: Record<string, SQL> = {};
  for (const [name, column] of Object.entries(columns)) if (!keys.includes(name)) set[name] = sql.raw(`excluded."${column.name}"`);
  const target = keys.map((k) => columns[k] as PgColumn);
  const q = tx.insert(table).values(rows as never);
  return Object.keys(set).length > 0 ? q.onConflictDoUpdate({ target, set }) : q.onConflictDoNothing();
}

/**
 * Everything a group changed, sent without waiting between statements (postgres.js pipelines them
 * on the transaction's connection): the events, each changed table, the counters, the charts'
 * buckets, then the clock, which queues the NOTIFY delivered at commit.
 */
export async function writeGroup(tx: Tx, rows: (typeof events.$inferInsert)[], state: State, effects: BatchEffects, last: number) {
  const writes: Promise<unknown>[] = [];
  for (const part of chunks(rows)) writes.push(tx.insert(events).values(part));
  for (const name of Object.keys(TABLES) as TableName[]) {
    const changed = state.changed(name) as unknown as Record<string, unknown>[];
    for (const part of chunks(changed)) writes.push(upsert(tx, TABLES[name], KEYS[name], part));
  }
  const buckets = [...effects.activity.values()].map((a) => ({
    community: a.community,
    bucketStart: new Date(a.bucketStart),
    tests: a.tests,
    onDutyDelta: a.onDuty,
    pendingDelta: a.pending,
  }));
  if (buckets.length > 0)
    writes.push(
      tx
        .insert(activityBuckets)
        .values(buckets)
        .onConflictDoUpdate({
          target: [activityBuckets.community, activityBuckets.bucketStart],
          set: {
            tests: sql`${activityBuckets.tests} + excluded.tests`,
            onDutyDelta: sql`${activityBuckets.onDutyDelta} + excluded.on_duty_delta`,
            pendingDelta: sql`${activityBuckets.pendingDelta} + excluded.pending_delta`,
          },
        }),
    );
  const minimums = [...effects.minimums.values()];
  if (minimums.length > 0)
    writes.push(
      tx
        .insert(postMinimums)
        .values(minimums)
        .onConflictDoUpdate({ target: [postMinimums.community, postMinimums.post], set: { minimum: sql`excluded.minimum` } }),
    );
  // One upsert per community: a new community's row starts from the group's deltas.
  for (const [community, lastSeq] of effects.lastSeq) {
    const deltas = effects.counts.get(community) ?? {};
    const round = effects.currentRound.get(community);
    const demo = effects.demo.has(community);
    const set: Record<string, unknown> = { lastSeq };
    for (const [k, n] of Object.entries(deltas)) {
      if (!n) continue;
      const column = communityState[k as keyof typeof deltas & keyof typeof communityState];
      set[k] = sql`${column} + ${n}`;
    }
    if (round) set.currentRoundId = round;
    if (demo) set.demo = true;
    writes.push(
      tx
        .insert(communityState)
        .values({ community, lastSeq, ...deltas, currentRoundId: round ?? null, demo })
        .onConflictDoUpdate({ target: communityState.community, set }),
    );
  }
  writes.push(
    tx
      .update(feedClock)
      .set({ last })
      .where(sql`${feedClock.id} = 1`)
      .returning({ notified: sql`pg_notify(${FEED_CHANNEL}, ${String(last)})::text` }),
  );
  await Promise.all(writes);
}
