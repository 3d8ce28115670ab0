import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { type DatabaseHandle, openPostgres, wrapPglite } from "../../drizzle/client";
import { migrate } from "../../drizzle/migrate";

export type Engine = "pglite" | "postgres";
export const ENGINE: Engine = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let reachable: Promise<boolean> | undefined;

/** Whether the PostgreSQL server for the suite answers; in CI its absence is a failure, not a skip. */
export function postgresAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
    try {
      await sql`select 1`;
      return true;
    } catch (err) {
      if (process.env.CI === "true") throw new Error(`CI needs PostgreSQL at ${ADMIN_URL}: ${(err as Error).message}`);
      console.warn(`SKIPPED: no PostgreSQL at ${ADMIN_URL} (${(err as Error).message}); set TEST_POSTGRES_URL to run these tests`);
      return false;
    } finally {
      await sql.end({ timeout: 1 });
    }
  })();
  return reachable;
}

/** Creates an empty database on the server and returns its URL and a dropper. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cordon_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A migrated, empty database of the engine under test, for tests that use the modules directly. */
export async function freshDatabase(): Promise<DatabaseHandle & { dispose(): Promise<void> }> {
  if (ENGINE === "postgres") {
    const fresh = await freshPostgresDatabase();
    const handle = openPostgres(fresh.url);
    await migrate(handle);
    return {
      ...handle,
      async dispose() {
        await handle.close();
        await fresh.drop();
      },
    };
  }
  const handle = wrapPglite(await PGlite.create());
  await migrate(handle);
  return { ...handle, dispose: () => handle.close() };
}

/** Skip a suite (with a printed reason) when its engine is not there; never in CI. */
export async function engineReady(): Promise<boolean> {
  return ENGINE === "pglite" ? true : postgresAvailable();
}
