import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE } from "../support/db";
import { freePort, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";

const dirs: string[] = [];
const dataDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "cordon-start-"));
  dirs.push(d);
  return d;
};

// The embedded default is what a fresh machine gets; it is the same in both runs of the suite.
describe.skipIf(ENGINE !== "pglite")("START: the embedded default", () => {
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("START1 a new embedded database gets the demo compound, marked as demo, with a simulated feed, and the banner prints working sign-in links", async () => {
    const dir = dataDir();
    const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dir, UI: "0", LOG_LEVEL: "warn", DEMO_TICK_MS: "20" };
    let server = await spawnServer(env);
    const out = server.output();
    expect(out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/embedded PostgreSQL \(PGlite\)/);
    const secretary = out.match(/secretary: \S+\/\?token=(\S+)/)?.[1];
    const wall = out.match(/wall: +\S+\/wall\?token=(\S+)/)?.[1];
    expect(secretary && wall).toBeTruthy();
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ ok: true, db: "pglite" });
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${wall}` } })).json();
    expect(snap).toMatchObject({
      demo: true,
      counts: { householdsTotal: 1383, buildingsTotal: 41, volunteersTotal: 162 },
      round: { kind: "pcr" },
    });
    expect(snap.counts.householdsTested).toBeGreaterThan(0);
    expect((await fetch(`${server.url}/api/events?limit=1`, { headers: { authorization: `Bearer ${wall}` } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/events?limit=1`, { headers: { authorization: `Bearer ${secretary}` } })).status).toBe(200);
    // The simulated feed posts through the same path as everyone, under its own name.
    const simulated = await waitFor(
      async () => {
        const r = await fetch(`${server.url}/api/events?after=2415&limit=50`, { headers: { authorization: `Bearer ${secretary}` } });
        const page = (await r.json()) as { events: { actor: string; type: string }[] };
        return page.events.length >= 5 ? page.events : null;
      },
      "the simulator's first events",
      15_000,
      200,
    );
    expect(simulated.every((e) => e.actor === "demo simulator")).toBe(true);
    await server.stop();

    server = await spawnServer(env);
    expect(server.output()).toContain(`/wall?token=${wall}`);
    expect(server.output()).toMatch(/demo: +on/);
    await server.stop();
  });

  it("START2 DEMO=0 starts empty; a short ADMIN_TOKEN works; a second server on the same DATA_DIR is refused with a reason", async () => {
    const dir = dataDir();
    const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dir, UI: "0", DEMO: "0", ADMIN_TOKEN: "s3cret" };
    const server = await spawnServer(env);
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { authorization: "Bearer s3cret" } })).json();
    expect(snap).toMatchObject({ seq: 0, demo: false, counts: { householdsTotal: 0 } });
    await expect(spawnServer({ ...env, PORT: freePort() }, 15_000)).rejects.toThrow(/in use by process/);
    await server.stop();
  });

  it("START3 a bad setting stops the start with a message naming the variable", async () => {
    await expect(spawnServer({ PORT: "70000", DATA_DIR: dataDir(), UI: "0" }, 15_000)).rejects.toThrow(/PORT/);
  });
});
