// Why: a long feed (tens of thousands of events) made in SQL in a second, so a test can read the plans the history and report queries get.
import type { DatabaseHandle } from "../../drizzle/client";
import { INSERT_EVENTS, type SyntheticFeed, syntheticEvents } from "./synthetic-feed";

/** A compound's spring: one event a minute in `default`, over the households, volunteers and buildings registered below. */
const TEST_FEED: SyntheticFeed = {
  community: "default",
  idPrefix: "long-",
  actor: "long-feed",
  start: "2026-03-01 00:00:00+08",
  every: "1 minute",
  roundEvery: 10_000,
  households: 1400,
  volunteers: 160,
  buildings: 41,
};

/** Runs raw SQL on either engine and returns its rows. */
export async function runSql(h: DatabaseHandle, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (h.pglite) return (await h.pglite.query<Record<string, unknown>>(text, params)).rows;
  return (await h.sql!.unsafe(text, params as string[])) as unknown as Record<string, unknown>[];
}

/**
 * `n` events in community `default`, one a minute from 2026-03-01 00:00 Shanghai time: tests, results, check-ins and
 * outs, seals, requests, over 1,400 households in 41 buildings and 160 volunteers (registered in their tables too).
 */
export async function fillLongFeed(h: DatabaseHandle, n: number): Promise<void> {
  await runSql(
    h,
    `insert into buildings (community, building_id, label) select 'default', 'b' || i, i || '号楼' from generate_series(0, 40) i`,
  );
  await runSql(
    h,
    `insert into volunteers (community, volunteer_id, name, skills) select 'default', 'v' || i, 'V' || i, '[]'::jsonb from generate_series(0, 159) i`,
  );
  await runSql(h, `${INSERT_EVENTS} ${syntheticEvents(TEST_FEED)}`, [1, n]);
  await runSql(h, "analyze");
}

/** The plan PostgreSQL chooses for a drizzle statement, as text. */
export async function planOf(h: DatabaseHandle, q: { sql: string; params: unknown[] }): Promise<string> {
  return (await runSql(h, `explain ${q.sql}`, q.params)).map((r) => r["QUERY PLAN"]).join("\n");
}
