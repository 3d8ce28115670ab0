// FAULT4: the server is killed (SIGKILL) in the middle of batches, three times in a row, and restarted at once on the same data.
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "../../drizzle/client";
import { verifyProjections } from "../../server/ops/verify";
import { freshPostgresDatabase, postgresAvailable } from "../support/db";
import { expectSound } from "../support/fault-audit";
import { faultEnv, seedForWriters } from "../support/fault-server";
import { startWatchers } from "../support/fault-watchers";
import { startWriters } from "../support/fault-writers";
import { type Spawned, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";

const withPostgres = await postgresAvailable();

describe.each([
  { engine: "pglite", ready: true },
  { engine: "postgres", ready: withPostgres },
])("FAULT4: kill -9 mid-batch on $engine", ({ engine, ready }) => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it.skipIf(!ready)(
    `FAULT4 three kills in a row, each restarted at once on the same ${engine === "pglite" ? "DATA_DIR" : "DATABASE_URL"}: nothing answered 201 is lost or doubled`,
    async () => {
      const db = engine === "postgres" ? await freshPostgresDatabase() : null;
      if (db) cleanups.push(db.drop);
      const { env, cleanup } = await faultEnv(db ? { DATABASE_URL: db.url } : {});
      cleanups.push(cleanup);
      let server: Spawned = await spawnServer(env);
      cleanups.push(() => server.stop());

      const display = await seedForWriters(server.url, 3);
      const watchers = startWatchers(server.url, display, 6);
      cleanups.push(() => watchers.close());
      await waitFor(() => watchers.allConnected(), "the subscribers to connect", 90_000);
      // Batches of 20 steps (about 90 events): most of the time one is being written when the kill comes.
      const writers = startWriters(server.url, { count: 3, steps: 20 });

      for (let kill = 1; kill <= 3; kill++) {
        const before = writers.batches;
        await waitFor(() => writers.batches >= before + 5 && writers.inFlight > 0, "batches going, one of them in flight", 90_000, 5);
        const cut = writers.inFlight;
        await server.kill9();
        expect(cut, "batches in flight when the kill came").toBeGreaterThan(0);
        // Restarted at once: no waiting for anything to time out or be cleaned up.
        server = await spawnServer(env);
      }
      const done = writers.batches;
      await waitFor(() => writers.batches >= done + 10, "writers to go on after the last restart", 90_000);
      await writers.stop();

      await expectSound({
        url: server.url,
        writers,
        watchers,
        async recount() {
          let handle: DatabaseHandle;
          if (db) handle = openPostgres(db.url, 2);
          else {
            // The embedded database can be recounted only once its server has stopped.
            await server.stop();
            handle = await openPglite(env.DATA_DIR as string);
          }
          try {
            return await verifyProjections(handle.db);
          } finally {
            await handle.close();
          }
        },
      });
      // Every subscriber lost its server and came back by itself (some sleep through a restart between two kills).
      for (const w of watchers.list) expect([w.disconnects >= 1, w.connects >= 2]).toEqual([true, true]);
    },
  );
});
