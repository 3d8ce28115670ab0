// Why: a long feed (tens of thousands of events) made in SQL in a second, so a test can read the plans the history and report queries get.
import type { DatabaseHandle } from "../../drizzle/client";

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
  await runSql(
    h,
    `insert into events (seq, id, type, community, occurred_at, recorded_at, actor, payload, fingerprint)
     select g, 'long-' || g, x.type, 'default', t, t, 'long-feed', x.payload, 'x'
     from generate_series(1, $1::int) g
     cross join lateral (select timestamptz '2026-03-01 00:00:00+08' + g * interval '1 minute' as t) at
     cross join lateral (select case g % 6
         when 0 then 'household.tested'
         when 1 then 'test.result'
         when 2 then case when (g / 6) % 2 = 0 then 'volunteer.checked_in' else 'volunteer.checked_out' end
         when 3 then case when (g / 6) % 2 = 0 then 'building.sealed' else 'building.unsealed' end
         when 4 then 'request.opened'
         else 'request.approved' end as type,
       case g % 6
         when 0 then jsonb_build_object('roundId', 'r' || g / 10000, 'householdId', 'h' || g % 1400)
         when 1 then jsonb_build_object('roundId', 'r' || g / 10000, 'householdId', 'h' || g % 1400, 'result', 'negative')
         when 2 then jsonb_build_object('volunteerId', 'v' || (g / 12) % 160, 'post', 'gate')
         when 3 then jsonb_build_object('buildingId', 'b' || (g / 12) % 41)
         when 4 then jsonb_build_object('requestId', 'q' || g / 6, 'householdId', 'h' || g % 1400, 'kind', 'supplies')
         else jsonb_build_object('requestId', 'q' || g / 6) end as payload) x`,
    [n],
  );
  await runSql(h, "analyze");
}

/** The plan PostgreSQL chooses for a drizzle statement, as text. */
export async function planOf(h: DatabaseHandle, q: { sql: string; params: unknown[] }): Promise<string> {
  return (await runSql(h, `explain ${q.sql}`, q.params)).map((r) => r["QUERY PLAN"]).join("\n");
}
