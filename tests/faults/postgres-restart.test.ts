// FAULT2: PostgreSQL goes down (every backend killed at once) and comes back while writers post and subscribers watch.
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../drizzle/client";
import { verifyProjections } from "../../server/ops/verify";
import { expectSound } from "../support/fault-audit";
import { faultEnv, healthStatus, seedForWriters } from "../support/fault-server";
import { startWatchers } from "../support/fault-watchers";
import { startWriters } from "../support/fault-writers";
import { privatePostgresAvailable, startPrivatePostgres } from "../support/private-postgres";
import { type Spawned, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";

const ready = privatePostgresAvailable();

describe.skipIf(!ready)("FAULT2: PostgreSQL restarted under load", () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("FAULT2 /api/health is 503 during the outage and 200 after; no 201 is false; the server and its subscribers recover by themselves", async () => {
    const pg = await startPrivatePostgres();
    cleanups.push(() => pg.destroy());
    const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
    await admin`create database cordon`;
    await admin.end();
    const { env, cleanup } = await faultEnv({ DATABASE_URL: pg.url("cordon") });
    cleanups.push(cleanup);
    const server: Spawned = await spawnServer(env);
    cleanups.push(() => server.stop());

    const display = await seedForWriters(server.url, 3);
    const watchers = startWatchers(server.url, display, 6);
    cleanups.push(() => watchers.close());
    await waitFor(() => watchers.allConnected(), "the subscribers to connect", 90_000);
    const writers = startWriters(server.url, { count: 3, steps: 5 });
    await waitFor(() => writers.batches >= 30, "writers to make progress", 90_000);

    await pg.stop();
    const failedBefore = Object.values(writers.failures).reduce((a, b) => a + b, 0);
    await waitFor(async () => (await healthStatus(server.url)) === 503, "/api/health to answer 503 while PostgreSQL is down", 90_000, 100);
    await waitFor(
      () => Object.values(writers.failures).reduce((a, b) => a + b, 0) >= failedBefore + 10,
      "writers to be refused during the outage",
      90_000,
    );
    // Still 503, not a hang and not a 500, for as long as the outage lasts.
    expect(await healthStatus(server.url)).toBe(503);
    const ackedInOutage = writers.acked.size;

    await pg.start();
    await waitFor(async () => (await healthStatus(server.url)) === 200, "/api/health to answer 200 once PostgreSQL is back", 90_000, 100);
    const done = writers.batches;
    await waitFor(() => writers.batches >= done + 20, "writers to go on after the restart", 90_000);
    expect(writers.acked.size).toBeGreaterThan(ackedInOutage);
    await writers.stop();

    const check = openPostgres(pg.url("cordon"), 2);
    cleanups.push(() => check.close());
    await expectSound({ url: server.url, writers, watchers, recount: () => verifyProjections(check.db) });
    // The outage reached the writers as 503 (or no answer), never as a 500.
    expect.soft(Object.keys(writers.failures).filter((s) => s !== "503" && s !== "network")).toEqual([]);
  });
});
