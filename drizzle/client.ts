import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
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
  /** Raw access for the migrator's lock and for tests. */
  pglite?: PGlite;
  sql?: postgres.Sql;
}

/** Opens PostgreSQL at `url` through postgres.js. */
export function openPostgres(url: string, max = 10): DatabaseHandle {
  const sql = postgres(url, {
    max,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { application_name: "cordon" },
  });
  const db = drizzlePostgres(sql, { schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    sql,
    async listen(channel, onNotify, onListen) {
      const sub = await sql.listen(channel, onNotify, onListen);
      return () => sub.unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

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
  mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create(dir);
  return wrapPglite(pg);
}
