// VERIFY1: `npm run verify` recounts the projections from the feed, finds them equal, and catches a tampered one.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite } from "../../drizzle/client";
import { verifyProjections } from "../../server/ops/verify";
import { postBusyFeed } from "../support/busy-feed";
import { ENGINE, engineReady } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

/** Runs `scripts/verify.ts` as an operator would, with only the database variables of the server. */
function runVerify(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const { DATABASE_URL: _u, DATA_DIR: _d, ...rest } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/verify.ts", ...args], {
      env: { ...rest, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.once("exit", (code) => resolve({ code, out }));
  });
}

describe.skipIf(!ready)(`VERIFY1: the projections equal a recount of the feed on ${ENGINE}`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-verify-"));
  let server: TestServer | undefined;
  /** The database after the server: the server's own handle on PostgreSQL, the stopped DATA_DIR on PGlite. */
  let handle: DatabaseHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer({ DATA_DIR: dataDir });
    await postBusyFeed((body) => server!.post(body));
    handle = server.app.handle;
    env = server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { DATA_DIR: dataDir };
  });
  afterAll(async () => {
    if (handle && handle !== server?.app.handle) await handle.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("VERIFY1 a busy feed from several writers recounts equal, seq 1..N without a gap", async () => {
    const report = await verifyProjections(handle.db);
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
    const snap = await server!.snapshot();
    const north = await server!.snapshot("north");
    expect(report.events).toBe(Math.max(snap.seq, north.seq));
    expect(report.communities).toEqual(["default", "north"]);
  });

  it("VERIFY1 npm run verify says so and exits 0 (PGlite: only once its server is stopped)", async () => {
    if (ENGINE === "pglite") {
      const busy = await runVerify(env);
      expect(busy.code, busy.out).toBe(2);
      expect(busy.out).toMatch(/in use/);
      expect(busy.out).toMatch(/only while its server is stopped/);
      await server!.close();
      server = undefined;
      handle = await openPglite(dataDir);
      const report = await verifyProjections(handle.db);
      expect(report.ok).toBe(true);
      await handle.close();
    }
    const r = await runVerify(env);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^OK: every projection equals a recount of the feed: \d+ events/);
    if (ENGINE === "pglite") handle = await openPglite(dataDir);
  });

  it("VERIFY1 a tampered count, a tampered round, a lost event: each is reported, and npm run verify exits 1 listing them", async () => {
    const before = await verifyProjections(handle.db);
    const sealed = (await handle.db.execute(sql`select buildings_sealed as n from community_state where community = 'default'`)) as unknown;
    const n = Number((Array.isArray(sealed) ? sealed : (sealed as { rows: { n: number }[] }).rows)[0]?.n);
    await handle.db.execute(sql`update community_state set buildings_sealed = buildings_sealed + 1 where community = 'default'`);
    const counted = await verifyProjections(handle.db);
    expect(counted.ok).toBe(false);
    expect(counted.differences).toEqual([{ what: "community_state[default].buildings_sealed", expected: n, actual: n + 1 }]);

    await handle.db.execute(sql`update rounds set tested_count = tested_count - 1 where round_id = 'r2' and community = 'default'`);
    await handle.db.execute(sql`update volunteers set on_duty = false where volunteer_id = 'v1' and community = 'north'`);
    // The moved-out household's tap counted again by hand.
    await handle.db.execute(
      sql`update round_tests set set_aside_at = null where community = 'default' and round_id = 'r2' and household_id = 'h2'`,
    );
    const more = await verifyProjections(handle.db);
    expect(more.differences.map((d) => d.what).sort()).toEqual([
      "community_state[default].buildings_sealed",
      "round_tests[default/r2/h2].set_aside_at",
      "rounds[default/r2].tested_count",
      "volunteers[north/v1].on_duty",
    ]);

    // A lost event: the seq has a gap, and what it did (registering h1) is missing from the recount.
    await handle.db.execute(sql`delete from events where seq = 3`);
    await handle.db.execute(sql`update feed_clock set last = last + 1`);
    const lost = await verifyProjections(handle.db);
    expect(lost.differences).toContainEqual({ what: "events.seq", expected: 3, actual: 4 });
    expect(lost.differences).toContainEqual({ what: "feed_clock.last", expected: before.events, actual: before.events + 1 });
    expect(lost.differences.map((d) => d.what)).toContain("households[default/h1]");

    if (ENGINE === "pglite") await handle.close();
    const r = await runVerify(env, "--limit", "100");
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^DIFFERENT: \d+ differences/);
    expect(r.out).toContain(`community_state[default].buildings_sealed: expected ${n}, stored ${n + 1}`);
    expect(r.out).toContain("rounds[default/r2].tested_count");
    expect(r.out).toContain("events.seq: expected 3, stored 4");
    if (ENGINE === "pglite") handle = await openPglite(dataDir);
  });
});
