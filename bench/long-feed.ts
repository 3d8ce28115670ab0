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
import { INSERT_EVENTS, type SyntheticFeed, syntheticEvents } from "../tests/support/synthetic-feed";
import { now } from "./common";

/** A year of a large compound, an event every 3 seconds. */
const ARCHIVE: SyntheticFeed = {
  community: "archive",
  idPrefix: "archive-",
  actor: "bench:long-feed",
  start: "2025-01-01 00:00:00+08",
  every: "3 seconds",
  roundEvery: 50_000,
  households: 100_000,
  volunteers: 2000,
  buildings: 1000,
};
const EVENT = syntheticEvents(ARCHIVE);

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
        await c.unsafe(`${INSERT_EVENTS} ${EVENT}`, [from!, to!]);
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
