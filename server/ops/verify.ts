// The operator's proof that the counts are right: recount every projection from the feed and list each difference.
import { asc, gt } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import {
  activityBuckets,
  alerts,
  buildings,
  communityState,
  events,
  feedClock,
  households,
  postMinimums,
  posts,
  requests,
  rounds,
  roundTests,
  volunteers,
} from "../../drizzle/schema";
import { FEED_COLUMNS } from "../queries/feed";
import { Recount, type Row } from "./recount";

export interface Difference {
  /** Where, as `table[key].column` (or `events.seq`, `events[seq=N]`). */
  what: string;
  expected: unknown;
  actual: unknown;
}

export interface VerifyReport {
  ok: boolean;
  /** Events in the feed, and the communities they touch. */
  events: number;
  communities: string[];
  differences: Difference[];
}

const PAGE = 5000;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const norm = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));

/** Compares one table: rows missing or extra, and every column the recount knows, row by row. */
function compare(table: string, expected: Map<string, Row>, actual: Map<string, Row>, out: Difference[]): void {
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) {
      out.push({ what: `${table}[${key}]`, expected: want, actual: null });
      continue;
    }
    for (const [column, value] of Object.entries(want))
      if (!same(value, got[column]))
        out.push({ what: `${table}[${key}].${snake(column)}`, expected: norm(value), actual: norm(got[column]) });
  }
  for (const [key, got] of actual) if (!expected.has(key)) out.push({ what: `${table}[${key}]`, expected: null, actual: got });
}

const byKey = <T>(rows: T[], key: (r: T) => string): Map<string, Row> => new Map(rows.map((r) => [key(r), r as Row]));

/** Reads every projection as it is stored, keyed as the recount keys them. */
async function readProjections(tx: Db): Promise<Record<string, Map<string, Row>>> {
  return {
    community_state: byKey(await tx.select().from(communityState), (r) => r.community),
    buildings: byKey(await tx.select().from(buildings), (r) => `${r.community}/${r.buildingId}`),
    households: byKey(await tx.select().from(households), (r) => `${r.community}/${r.householdId}`),
    volunteers: byKey(await tx.select().from(volunteers), (r) => `${r.community}/${r.volunteerId}`),
    rounds: byKey(await tx.select().from(rounds), (r) => `${r.community}/${r.roundId}`),
    round_tests: byKey(await tx.select().from(roundTests), (r) => `${r.community}/${r.roundId}/${r.householdId}`),
    requests: byKey(await tx.select().from(requests), (r) => `${r.community}/${r.requestId}`),
    alerts: byKey(await tx.select().from(alerts), (r) => String(r.seq)),
    activity_buckets: byKey(await tx.select().from(activityBuckets), (r) => `${r.community}/${r.bucketStart.toISOString()}`),
    post_minimums: byKey(await tx.select().from(postMinimums), (r) => `${r.community}/${r.post}`),
    posts: byKey(await tx.select().from(posts), (r) => `${r.community}/${r.post}`),
  };
}

/**
 * Replays the feed (the `events` table) in seq order through the in-memory model and compares
 * every projection with it, inside one read-only snapshot so a running server's writes cannot
 * show up as differences. Also checks that seq runs 1..N with no gap and the feed clock is at N.
 */
export async function verifyProjections(db: Db): Promise<VerifyReport> {
  return db.transaction(
    async (t) => {
      const tx = t as unknown as Db;
      const differences: Difference[] = [];
      const recount = new Recount();
      let after = 0;
      let count = 0;
      for (;;) {
        const page = await tx.select(FEED_COLUMNS).from(events).where(gt(events.seq, after)).orderBy(asc(events.seq)).limit(PAGE);
        for (const e of page) {
          if (e.seq !== after + 1) differences.push({ what: "events.seq", expected: after + 1, actual: e.seq });
          recount.apply({ ...e, payload: (e.payload ?? {}) as Record<string, unknown> });
          after = e.seq;
          count++;
        }
        if (page.length < PAGE) break;
      }
      const [clock] = await tx.select({ last: feedClock.last }).from(feedClock);
      if ((clock?.last ?? 0) !== after) differences.push({ what: "feed_clock.last", expected: after, actual: clock?.last ?? null });
      for (const p of recount.problems)
        differences.push({ what: `events[seq=${p.seq}]`, expected: `a ${p.type} the rules allow`, actual: p.message });

      const actual = await readProjections(tx);
      const expected: Record<string, Map<string, Row>> = {
        community_state: recount.communityState(),
        buildings: recount.tables.buildings as Map<string, Row>,
        households: recount.tables.households as Map<string, Row>,
        volunteers: recount.tables.volunteers as Map<string, Row>,
        rounds: recount.rounds(),
        round_tests: recount.tables.roundTests as Map<string, Row>,
        requests: recount.tables.requests as Map<string, Row>,
        alerts: recount.tables.alerts as Map<string, Row>,
        activity_buckets: recount.tables.activity as Map<string, Row>,
        post_minimums: recount.tables.postMinimums as Map<string, Row>,
        posts: recount.tables.posts as Map<string, Row>,
      };
      for (const [table, want] of Object.entries(expected)) compare(table, want, actual[table] ?? new Map(), differences);
      const communities = [...recount.communityState().keys()].sort();
      return { ok: differences.length === 0, events: count, communities, differences };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
