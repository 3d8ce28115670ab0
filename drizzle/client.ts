import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { pgListener } from "./pg-listen";
import { type PgSockets, watchSockets } from "./pg-watchdog";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Record<string, never>>;
export type DbKind = "pglite" | "postgres";

/** A notification listener; `onListen` runs after every (re)subscribe so callers can catch up. */
export type Listen = (channel: string, onNotify: (payload: string) => void, onListen: () => void) => Promise<() => Promise<void>>;

/** One open database: drizzle on top, the driver's LISTEN, and an orderly close. */
export interface DatabaseHandle {
  kind: DbKind;
  db: Db;
  listen: Listen;
  close(): Promise<void>;
  /** Drops the LISTEN connection when it is presumed dead; it re-LISTENs by itself (PostgreSQL only). */
  restartListen?(): void;
  /** Raw access for the migrator's lock and for tests. */
  pglite?: PGlite;
  sql?: postgres.Sql;
}

/** Milliseconds a connection may owe an answer with nothing arriving before it is checked, and closed if its server process is idle. */
export const STALL_MS = 10_000;

/** Reconnection pause after failures: grows from 50 ms to at most 1 s, so a restarted server is back in use at once. */
const backoff = (attempt: number) => Math.min(0.05 * 2 ** attempt, 1) * (0.5 + Math.random() / 2);

/**
 * Opens PostgreSQL at `url` through postgres.js, hardened for a server that restarts or a network
 * that drops connections silently: sockets owing an answer for `stallMs` are closed (their queries
 * fail instead of hanging), the server ends a session left idle inside a transaction (so a lost
 * client cannot hold the feed's lock), and LISTEN runs on its own connection that always comes back.
 */
export function openPostgres(
  url: string,
  max = 10,
  opts: { stallMs?: number; onDeadConnection?: (silentMs: number) => void } = {},
): DatabaseHandle {
  const stallMs = opts.stallMs ?? STALL_MS;
  const base: postgres.Options<Record<string, postgres.PostgresType>> = {
    connect_timeout: 5,
    onnotice: () => {},
    backoff,
    connection: { application_name: "cordon", idle_in_transaction_session_timeout: stallMs },
  };
  // TLS and several hosts are left to postgres.js's own sockets (and so without the watchdog).
  const parsed = postgres(url, base).options;
  const plain = !parsed.ssl && parsed.host.length === 1;
  const warn =
    opts.onDeadConnection ??
    ((ms: number) =>
      process.emitWarning(`a PostgreSQL connection owed an answer for ${ms} ms while its server process waited for it: closed as dead`));
  // Asked on another connection: is the server process behind a silent socket busy with our statement
  // (running, or waiting for a lock), rather than waiting for us (a wait on the client: the path is gone)?
  const isWorking = async (pid: number): Promise<boolean | null> => {
    const asked: Promise<boolean | null> = sql`select state, wait_event_type from pg_stat_activity where pid = ${pid}`.then(
      (rows: postgres.RowList<postgres.Row[]>) => rows[0]?.state === "active" && rows[0]?.wait_event_type !== "Client",
      () => null,
    );
    const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref());
    return Promise.race([asked, late]);
  };
  // The orphaned server process would keep its transaction (and the feed's lock) until its own TCP
  // keepalive gives up, which can take hours: end it now, if it is still waiting for its client.
  const terminate = (pid: number, tries: number) =>
    sql`select pg_terminate_backend(pid) from pg_stat_activity where pid = ${pid} and (state like 'idle%' or wait_event_type = 'Client')`.catch(
      () => {
        if (tries > 1) setTimeout(() => terminate(pid, tries - 1), 500).unref();
      },
    );
  const onDead = (pid: number | null, ms: number | null) => {
    if (ms !== null) warn(ms);
    if (pid !== null) void terminate(pid, 5);
  };
  const pool: PgSockets | null = plain ? watchSockets({ stallMs, isWorking, onDead }) : null;
  const listenSockets: PgSockets | null = plain ? watchSockets({ stallMs, isWorking, onDead }) : null;
  const sql: postgres.Sql = postgres(url, { ...base, max, idle_timeout: 60, ...(pool ? { socket: pool.open } : {}) } as typeof base);
  const listener = pgListener(url, base, listenSockets);
  const db = drizzlePostgres(sql, { schema }) as unknown as Db;
  pools.set(db, sql);
  return {
    kind: "postgres",
    db,
    sql,
    listen: listener.listen,
    restartListen: listener.restart,
    async close() {
      await listener.close();
      await sql.end({ timeout: 5 });
      pool?.close();
      listenSockets?.close();
    },
  };
}

const pools = new WeakMap<Db, postgres.Sql>();

/** The postgres.js pool behind a PostgreSQL handle's `db` (undefined for PGlite): for work that pipelines a transaction by hand. */
export const poolOf = (db: Db): postgres.Sql | undefined => pools.get(db);

/**
 * drizzle on the writer's transaction connection (no relational schema: it is for the writer's
 * plain queries). Its reads stay unprepared, so each is planned for its own ids: a generic plan of
 * `community = $1 and id = any($2)` reads every row of the community, which grows with the table.
 */
export const drizzleOn = (conn: postgres.TransactionSql, pool: postgres.Sql): Db =>
  drizzlePostgres(Object.assign(conn, { options: pool.options }) as unknown as postgres.Sql) as unknown as Db;

/** Wraps an open PGlite instance (persisted or in memory). */
export function wrapPglite(pg: PGlite): DatabaseHandle {
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite: pg,
    async listen(channel, onNotify, onListen) {
      const unsub = await pg.listen(channel, onNotify);
      onListen();
      return () => unsub();
    },
    close: () => pg.close(),
  };
}

/** Opens the embedded database kept under `dataDir`. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const dir = path.resolve(dataDir, "pglite");
  // Owner only: the files inside hold residents' names and phones (server/data-dir.ts keeps their modes).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pg = await PGlite.create(dir);
  return wrapPglite(pg);
}
