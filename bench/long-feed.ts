// Why: a feed of millions of events made in SQL in minutes (posting them would take hours), so the reads that
// must not grow with the feed (snapshot, catch-up, an entity's history) are timed on a feed of the size the issue names.
//
// The generated events belong to a community of their own, `archive` (a year of a large compound: swabs, results,
// check-ins, seals, requests), with gap-free seqs 1…N and feed_clock.last = N. Only its community_state row
// (last_seq) is written, none of its other projections: nothing here reads them, and the community measured,
// `default`, is registered afterwards through the API, so its projections are the server's own.
import postgres from "postgres";
import { openPostgres } from "../drizzle/client";
import { migrate } from "../drizzle/migrate";
import { now } from "./common";

const EVENT = `
  select g as seq, 'archive-' || g as id, x.type, 'archive' as community, t as occurred_at, t as recorded_at,
         'bench:long-feed' as actor, x.payload, 'x' as fingerprint
  from generate_series($1::bigint, $2::bigint) g
  cross join lateral (select timestamptz '2025-01-01 00:00:00+08' + g * interval '3 seconds' as t) at
  cross join lateral (select case g % 6
      when 0 then 'household.tested'
      when 1 then 'test.result'
      when 2 then case when (g / 6) % 2 = 0 then 'volunteer.checked_in' else 'volunteer.checked_out' end
      when 3 then case when (g / 6) % 2 = 0 then 'building.sealed' else 'building.unsealed' end
      when 4 then 'request.opened'
      else 'request.approved' end as type,
    case g % 6
      when 0 then jsonb_build_object('roundId', 'r' || g / 50000, 'householdId', 'h' || g % 100000)
      when 1 then jsonb_build_object('roundId', 'r' || g / 50000, 'householdId', 'h' || (g - 1) % 100000, 'result', 'negative')
      when 2 then jsonb_build_object('volunteerId', 'v' || (g / 12) % 2000, 'post', 'gate')
      when 3 then jsonb_build_object('buildingId', 'b' || (g / 12) % 1000)
      when 4 then jsonb_build_object('requestId', 'q' || g / 6, 'householdId', 'h' || g % 100000, 'kind', 'supplies')
      else jsonb_build_object('requestId', 'q' || g / 6) end as payload) x`;

export interface Generated {
  events: number;
  ms: number;
  /** Of which: the inserts, and rebuilding the indexes (and analyze). */
  insertMs: number;
  indexMs: number;
  sizeMiB: number;
}

/** A migrated database with `count` archive events; the indexes are dropped for the insert and built again after. */
export async function generateFeed(databaseUrl: string, count: number): Promise<Generated> {
  const handle = openPostgres(databaseUrl, 2);
  await migrate(handle);
  await handle.close();
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const t = now();
    const settings = async (s: postgres.Sql | postgres.ReservedSql) => {
      await s.unsafe("set synchronous_commit = off");
      await s.unsafe("set maintenance_work_mem = '512MB'");
      await s.unsafe("set max_parallel_maintenance_workers = 2");
    };
    const constraints = await sql<{ name: string; def: string }[]>`
      select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'events'::regclass and contype in ('p', 'u')`;
    const indexes = await sql<{ name: string; def: string }[]>`
      select indexname as name, indexdef as def from pg_indexes
      where tablename = 'events' and indexname not in (select conname from pg_constraint where conrelid = 'events'::regclass)`;
    for (const i of indexes) await sql.unsafe(`drop index "${i.name}"`);
    for (const c of constraints) await sql.unsafe(`alter table events drop constraint "${c.name}"`);

    // Two writers, one per core, on halves of the seq range.
    const half = Math.floor(count / 2);
    const ranges = [
      [1, half],
      [half + 1, count],
    ].filter(([a, b]) => a! <= b!);
    await Promise.all(
      ranges.map(async ([from, to]) => {
        const c = await sql.reserve();
        await settings(c);
        await c.unsafe(`insert into events (seq, id, type, community, occurred_at, recorded_at, actor, payload, fingerprint) ${EVENT}`, [
          from!,
          to!,
        ]);
        c.release();
      }),
    );
    const insertMs = now() - t;
    await sql.unsafe("update feed_clock set last = $1 where id = 1", [count]);
    await sql.unsafe("insert into community_state (community, last_seq) values ('archive', $1)", [count]);

    const i0 = now();
    const c = await sql.reserve();
    await settings(c);
    for (const con of constraints) await c.unsafe(`alter table events add constraint "${con.name}" ${con.def}`);
    c.release();
    // The other indexes two at a time, one per core.
    const queue = [...indexes];
    await Promise.all(
      [0, 1].map(async () => {
        const conn = await sql.reserve();
        await settings(conn);
        for (let i = queue.shift(); i; i = queue.shift()) await conn.unsafe(i.def);
        conn.release();
      }),
    );
    await sql.unsafe("analyze events");
    await sql.unsafe("checkpoint");
    const [size] = await sql<{ bytes: string }[]>`select pg_database_size(current_database())::text as bytes`;
    return { events: count, ms: now() - t, insertMs, indexMs: now() - i0, sizeMiB: Number(size?.bytes) / 2 ** 20 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
