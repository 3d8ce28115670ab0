// Why: a group of appends is written with one multi-row statement per table, all sent at once.
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../drizzle/client";
import { activityBuckets, communityState, events, feedClock, postMinimums } from "../../drizzle/schema";
import type { BatchEffects } from "./batch";
import { type State, TABLES, type TableName } from "./state";

export const FEED_CHANNEL = "cordon_feed";

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

/** The fixed text around an insert's JSON parameter, per table and conflict target. */
const texts = new Map<PgTable, Map<string, { head: SQL; tail: SQL }>>();

function insertText(table: PgTable, keys?: string[]) {
  const byKeys = texts.get(table) ?? texts.set(table, new Map()).get(table)!;
  const id = keys?.join(",") ?? "";
  let t = byKeys.get(id);
  if (!t) {
    const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>);
    const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
    // The record's fields are named as the rows' own (camelCase) keys, so the rows go in as they are.
    const fields = columns.map(([k]) => `"${k}"`).join(", ");
    const record = columns.map(([k, c]) => `"${k}" ${c.getSQLType()}`).join(", ");
    let conflict = "";
    if (keys) {
      const target = columns.filter(([k]) => keys.includes(k)).map(([, c]) => `"${c.name}"`);
      const set = columns.filter(([k]) => !keys.includes(k)).map(([, c]) => `"${c.name}" = excluded."${c.name}"`);
      conflict = set.length > 0 ? ` on conflict (${target.join(", ")}) do update set ${set.join(", ")}` : " on conflict do nothing";
    }
    t = {
      head: sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(fields)} from json_to_recordset(`,
      tail: sql`::json) as r(${sql.raw(record)})${sql.raw(conflict)}`,
    };
    byKeys.set(id, t);
  }
  return t;
}

/** DELETE … USING json_to_recordset($1): rows removed by their keys (text columns), one parameter for any number. */
export function deleteRows(table: PgTable, keys: string[], rows: string[][]): SQL {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const record = keys.map((k) => `"${k}" text`).join(", ");
  const where = keys.map((k) => `t."${(columns[k] as PgColumn).name}" = r."${k}"`).join(" and ");
  const json = rows.map((parts) => Object.fromEntries(keys.map((k, i) => [k, parts[i]])));
  return sql`delete from ${table} as t using json_to_recordset(${JSON.stringify(json)}::json) as r(${sql.raw(record)}) where ${sql.raw(where)}`;
}

/**
 * INSERT … SELECT FROM json_to_recordset($1): any number of rows as one parameter, so building
 * the statement costs the same for one row as for thousands, on both engines, and its text is the
 * same each time (a prepared statement). With `keys`, ON CONFLICT (keys) DO UPDATE SET every other
 * column = excluded: new rows and changed rows at once. A row's missing fields are null.
 */
export function insertRows(table: PgTable, rows: object[], keys?: string[]): SQL {
  const { head, tail } = insertText(table, keys);
  return sql`${head}${JSON.stringify(rows)}${tail}`;
}

/**
 * The statements that write everything a group changed, in order: the events, each changed table,
 * the counters, the charts' buckets, then the clock, which queues the NOTIFY delivered at commit.
 * Built with `tx` but not run: the caller sends them together (with the COMMIT, at the group's end).
 */
export function groupWrites(tx: Tx, rows: (typeof events.$inferInsert)[], state: State, effects: BatchEffects, last: number): SQL[] {
  const writes: SQL[] = [];
  writes.push(insertRows(events, rows));
  for (const name of Object.keys(TABLES) as TableName[]) {
    const changed = state.changed(name);
    if (changed.length > 0) writes.push(insertRows(TABLES[name], changed, KEYS[name]));
    const removed = name === "alerts" ? [] : state.removed(name);
    if (removed.length > 0) writes.push(deleteRows(TABLES[name], KEYS[name], removed));
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
        })
        .getSQL(),
    );
  const minimums = [...effects.minimums.values()];
  if (minimums.length > 0)
    writes.push(
      tx
        .insert(postMinimums)
        .values(minimums)
        .onConflictDoUpdate({ target: [postMinimums.community, postMinimums.post], set: { minimum: sql`excluded.minimum` } })
        .getSQL(),
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
    const name = effects.names.get(community);
    if (name !== undefined) set.name = name;
    if (demo) set.demo = true;
    writes.push(
      tx
        .insert(communityState)
        .values({ community, lastSeq, ...deltas, currentRoundId: round ?? null, demo, name: name ?? null })
        .onConflictDoUpdate({ target: communityState.community, set })
        .getSQL(),
    );
  }
  writes.push(
    tx
      .update(feedClock)
      .set({ last })
      .where(sql`${feedClock.id} = 1`)
      .returning({ notified: sql`pg_notify(${FEED_CHANNEL}, ${String(last)})::text` })
      .getSQL(),
  );
  return writes;
}
