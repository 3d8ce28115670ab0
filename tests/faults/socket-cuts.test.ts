// FAULT5: the subscribers' connections are cut (reset, closed, silently dropped) while the counts change; they come back by themselves.
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../drizzle/client";
import { verifyProjections } from "../../server/ops/verify";
import { freshPostgresDatabase, postgresAvailable } from "../support/db";
import { expectSound } from "../support/fault-audit";
import { faultEnv, seedForWriters } from "../support/fault-server";
import { startWatchers } from "../support/fault-watchers";
import { startWriters } from "../support/fault-writers";
import { type Spawned, spawnServer } from "../support/spawn";
import { startTcpProxy } from "../support/tcp-proxy";
import { waitFor } from "../support/wait";

const ready = await postgresAvailable();

describe.skipIf(!ready)("FAULT5: subscribers' sockets cut while the counts change", () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("FAULT5 reset, closed or silently dropped, every subscriber reconnects by itself and converges to the snapshot", async () => {
    const db = await freshPostgresDatabase();
    cleanups.push(db.drop);
    const { env, cleanup } = await faultEnv({ DATABASE_URL: db.url });
    cleanups.push(cleanup);
    const server: Spawned = await spawnServer(env);
    cleanups.push(() => server.stop());
    // The subscribers reach the server through a proxy that can break their connections; the writers do not.
    const proxy = await startTcpProxy({ port: Number(env.PORT) });
    cleanups.push(() => proxy.close());

    const display = await seedForWriters(server.url, 3);
    const watchers = startWatchers(`http://127.0.0.1:${proxy.port}`, display, 6);
    cleanups.push(() => watchers.close());
    await waitFor(() => watchers.allConnected(), "the subscribers to connect", 90_000);
    const writers = startWriters(server.url, { count: 3, steps: 2 });

    const cuts: ["reset" | "end" | "drop", number][] = [
      ["reset", 10_000],
      ["end", 10_000],
      ["reset", 10_000],
      // Nothing tells a client its connection went silent: Socket.IO's ping (every 10 s, 5 s to answer) does.
      ["drop", 30_000],
    ];
    for (const [how, withinMs] of cuts) {
      const before = writers.batches;
      await waitFor(() => writers.batches >= before + 10, "the counts to change", 90_000);
      const connects = watchers.list.map((w) => w.connects);
      const cut = how === "reset" ? proxy.resetAll() : how === "end" ? proxy.endAll() : proxy.dropExisting();
      expect(cut, `connections ${how}`).toBeGreaterThanOrEqual(watchers.list.length);
      await waitFor(
        () => watchers.allConnected() && watchers.list.every((w, i) => w.connects > (connects[i] ?? 0)),
        `every subscriber to reconnect by itself after a ${how}`,
        withinMs,
        50,
      );
    }
    const done = writers.batches;
    await waitFor(() => writers.batches >= done + 10, "writers to go on", 90_000);
    await writers.stop();

    const check = openPostgres(db.url, 2);
    cleanups.push(() => check.close());
    await expectSound({ url: server.url, writers, watchers, recount: () => verifyProjections(check.db) });
    expect(writers.failures).toEqual({});
  });
});
