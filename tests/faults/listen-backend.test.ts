// FAULT1: PostgreSQL kills the backend the server LISTENs on while writers post and subscribers watch.
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../drizzle/client";
import { verifyProjections } from "../../server/ops/verify";
import { ADMIN_URL, freshPostgresDatabase, postgresAvailable } from "../support/db";
import { expectSound } from "../support/fault-audit";
import { faultEnv, seedForWriters } from "../support/fault-server";
import { startWatchers } from "../support/fault-watchers";
import { startWriters } from "../support/fault-writers";
import { type Spawned, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";

const ready = await postgresAvailable();

describe.skipIf(!ready)("FAULT1: the LISTEN connection's backend is terminated", () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("FAULT1 the server LISTENs again by itself; every 201 is in the feed once, subscribers converge, projections equal a recount", async () => {
    const db = await freshPostgresDatabase();
    cleanups.push(db.drop);
    const name = new URL(db.url).pathname.slice(1);
    const { env, cleanup } = await faultEnv({ DATABASE_URL: db.url });
    cleanups.push(cleanup);
    const server: Spawned = await spawnServer(env);
    cleanups.push(() => server.stop());
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    cleanups.push(() => admin.end());
    const listeners = async () =>
      (await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name} and query ilike 'listen %'`).map(
        (r) => r.pid,
      );

    const display = await seedForWriters(server.url, 3);
    const watchers = startWatchers(server.url, display, 6);
    cleanups.push(() => watchers.close());
    await waitFor(() => watchers.allConnected(), "the subscribers to connect", 90_000);
    const writers = startWriters(server.url, { count: 3, steps: 5 });

    for (let round = 0; round < 2; round++) {
      const [before] = await waitFor(async () => {
        const pids = await listeners();
        return pids.length === 1 ? pids : null;
      }, "one LISTEN backend");
      await waitFor(() => writers.batches >= 20 * (round + 1), "writers to make progress", 90_000);
      const [kill] = await admin<{ killed: boolean }[]>`select pg_terminate_backend(${before ?? 0}) as killed`;
      expect(kill?.killed).toBe(true);
      const after = await waitFor(
        async () => {
          const pids = await listeners();
          return pids.length === 1 && pids[0] !== before ? pids : null;
        },
        "a new LISTEN backend, opened by the server by itself",
        90_000,
      );
      expect(after[0]).not.toBe(before);
    }
    const done = writers.batches;
    await waitFor(() => writers.batches >= done + 20, "writers to go on after the fault", 90_000);
    await writers.stop();

    const check = openPostgres(db.url, 2);
    cleanups.push(() => check.close());
    await expectSound({ url: server.url, writers, watchers, recount: () => verifyProjections(check.db) });
    expect(writers.acked.size).toBeGreaterThan(500);
  });
});
