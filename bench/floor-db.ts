// Why: the database floors: a bare insert-and-commit loop on a scratch table shaped like a feed row
// (bigserial key, unique text id, jsonb payload), as fast as the engine takes it on this machine.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { freshPostgresDatabase } from "../tests/support/db";
import { now } from "./common";

const TABLE = "create table scratch (seq bigserial primary key, id text not null unique, payload jsonb not null)";
const SINGLE = "insert into scratch (id, payload) values ($1, $2::jsonb)";
const NOTIFY =
  "with i as (insert into scratch (id, payload) values ($1, $2::jsonb) returning seq) select pg_notify('bench_floor', seq::text) from i";
const MANY = "insert into scratch (id, payload) select * from unnest($1::text[], $2::jsonb[])";

export interface DbFloors {
  /** Rows a second, one row per transaction, from 1 connection (and from 32: PostgreSQL only). */
  single1: number;
  single32?: number;
  /** The same with a pg_notify in each commit, a listener connected. */
  notify1: number;
  notify32?: number;
  /** Rows a second in transactions of 1,000 rows (one multi-row insert each), 1 connection. */
  batch1000: number;
}

let n = 0;
const row = () => [`f${n++}`, JSON.stringify({ volunteerId: `v${n}`, name: "n", skills: [] })];

/** Runs `workers` loops of `once` for `ms`; rows a second. */
async function loop(workers: number, ms: number, rowsEach: number, once: (w: number) => Promise<unknown>): Promise<number> {
  const end = now() + ms;
  let done = 0;
  const t = now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (now() < end) {
        await once(w);
        done += rowsEach;
      }
    }),
  );
  return done / ((now() - t) / 1000);
}

const batch = () => {
  const rows = Array.from({ length: 1000 }, row);
  return [rows.map((r) => r[0]!), rows.map((r) => r[1]!)];
};

/** The floors on a fresh PostgreSQL database (dropped afterwards). */
export async function postgresFloors(ms: number): Promise<DbFloors> {
  const fresh = await freshPostgresDatabase();
  const sql = postgres(fresh.url, { max: 33, onnotice: () => {} });
  try {
    await sql.unsafe(TABLE);
    await sql.listen("bench_floor", () => {});
    const conns = await Promise.all(Array.from({ length: 32 }, () => sql.reserve()));
    const on = (w: number) => conns[w]!;
    const out: DbFloors = {
      single1: await loop(1, ms, 1, (w) => on(w).unsafe(SINGLE, row())),
      single32: await loop(32, ms, 1, (w) => on(w).unsafe(SINGLE, row())),
      notify1: await loop(1, ms, 1, (w) => on(w).unsafe(NOTIFY, row())),
      notify32: await loop(32, ms, 1, (w) => on(w).unsafe(NOTIFY, row())),
      batch1000: await loop(1, ms, 1000, (w) => on(w).unsafe(MANY, batch())),
    };
    for (const c of conns) c.release();
    return out;
  } finally {
    await sql.end({ timeout: 5 });
    await fresh.drop();
  }
}

/** The same loops in this process on PGlite persisted to a directory, as the server opens it. */
export async function pgliteFloors(ms: number): Promise<DbFloors> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cordon-bench-floor-"));
  const pg = await PGlite.create(path.join(dir, "pglite"));
  try {
    await pg.exec(TABLE);
    await pg.listen("bench_floor", () => {});
    return {
      single1: await loop(1, ms, 1, () => pg.query(SINGLE, row())),
      notify1: await loop(1, ms, 1, () => pg.query(NOTIFY, row())),
      batch1000: await loop(1, ms, 1000, () => pg.query(MANY, batch())),
    };
  } finally {
    await pg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
