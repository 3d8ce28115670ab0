// FAULT3: every connection between the server and PostgreSQL goes silent (half-open) while writers post and subscribers watch.
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../drizzle/client";
import { verifyProjections } from "../../server/ops/verify";
import { freshPostgresDatabase, postgresAvailable } from "../support/db";
import { expectSound } from "../support/fault-audit";
import { faultEnv, healthStatus, seedForWriters } from "../support/fault-server";
import { startWatchers } from "../support/fault-watchers";
import { startWriters } from "../support/fault-writers";
import { type Spawned, spawnServer } from "../support/spawn";
import { startTcpProxy } from "../support/tcp-proxy";
import { waitFor } from "../support/wait";

const ready = await postgresAvailable();

describe.skipIf(!ready)("FAULT3: half-open connections to PostgreSQL", () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("FAULT3 silent connections are found by the server's own heartbeat and replaced; it recovers by itself, nothing is lost", async () => {
    const db = await freshPostgresDatabase();
    cleanups.push(db.drop);
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    const { env, cleanup } = await faultEnv({ DATABASE_URL: viaProxy.toString() });
    cleanups.push(cleanup);
    const server: Spawned = await spawnServer(env);
    cleanups.push(() => server.stop());

    const display = await seedForWriters(server.url, 3);
    const watchers = startWatchers(server.url, display, 6);
    cleanups.push(() => watchers.close());
    await waitFor(() => watchers.allConnected(), "the subscribers to connect", 90_000);
    const writers = startWriters(server.url, { count: 3, steps: 5 });
    await waitFor(() => writers.batches >= 30, "writers to make progress", 90_000);

    // From now on nothing passes on any existing connection, either way, and no socket is closed:
    // to the server every connection looks open. New connections pass.
    const silenced = proxy.dropExisting();
    expect(silenced).toBeGreaterThanOrEqual(2); // the pool and the LISTEN connection at least
    const opened = proxy.accepted;
    const done = writers.batches;

    // The server notices by itself and closes every silent connection it was using.
    await waitFor(() => proxy.dropsUnnoticed === 0, "the server to close every silent connection", 90_000, 100);
    expect(proxy.accepted).toBeGreaterThan(opened);
    await waitFor(async () => (await healthStatus(server.url)) === 200, "/api/health to answer 200 again", 90_000, 100);
    await waitFor(() => writers.batches >= done + 20, "writers to go on after the fault", 90_000);
    await writers.stop();

    const check = openPostgres(db.url, 2);
    cleanups.push(() => check.close());
    await expectSound({ url: server.url, writers, watchers, recount: () => verifyProjections(check.db) });
    expect.soft(Object.keys(writers.failures).filter((s) => s !== "503" && s !== "network")).toEqual([]);
  });
});
