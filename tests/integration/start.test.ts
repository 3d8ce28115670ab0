import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { demoCompound } from "../../server/demo/compound";
import { ENGINE } from "../support/db";
import { freePort, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";

// Each test starts up to four servers; on a loaded two-core machine each start can take a minute.
vi.setConfig({ testTimeout: 600_000 });

const LONG_ADMIN = "start-admin-token-0123456789";
const NO_REAP =
  "import os, sys, time\npid = os.fork()\nif pid == 0:\n    os.execv(sys.argv[1], sys.argv[1:])\nprint(pid, flush=True)\ntime.sleep(600)";
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
        const r = await fetch(`${server.url}/api/events?after=${demoCompound().length}&limit=50`, {
          headers: { authorization: `Bearer ${secretary}` },
        });
        const page = (await r.json()) as { events: { actor: string; type: string }[] };
        return page.events.length >= 5 ? page.events : null;
      },
      "the simulator's first events",
      60_000,
      200,
    );
    expect(simulated.every((e) => e.actor === "demo simulator")).toBe(true);
    await server.stop();

    server = await spawnServer(env);
    expect(server.output()).toContain(`/wall?token=${wall}`);
    expect(server.output()).toMatch(/demo: +on/);
    await server.stop();
  });

  it("START2 DEMO=0 starts empty; a second server on the same DATA_DIR is refused with a reason", async () => {
    const dir = dataDir();
    const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dir, UI: "0", DEMO: "0", ADMIN_TOKEN: LONG_ADMIN };
    const server = await spawnServer(env);
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${LONG_ADMIN}` } })).json();
    expect(snap).toMatchObject({ seq: 0, demo: false, counts: { householdsTotal: 0 } });
    await expect(spawnServer({ ...env, PORT: freePort() }, 120_000)).rejects.toThrow(/DATA_DIR .* is in use/);
    await server.stop();
  });

  it("START4 after kill -9 an immediate restart on the same DATA_DIR starts, even before the dead process is reaped", async () => {
    const dir = dataDir();
    const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dir, UI: "0", DEMO: "0", ADMIN_TOKEN: LONG_ADMIN };
    // A parent that never reaps its child: after SIGKILL the server stays a zombie, as under a busy supervisor.
    const parent = spawn("python3", ["-c", NO_REAP, process.execPath, "--import", "tsx", "server/index.ts"], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout?.once("data", (d) => resolve(String(d)))));
      await waitFor(async () => (await fetch(`http://127.0.0.1:${env.PORT}/api/health`)).ok, "the first server", 180_000, 100);
      process.kill(pid, "SIGKILL");
      await waitFor(() => readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[2] === "Z", "the killed server to be a zombie");
      for (let i = 0; i < 3; i++) {
        const server = await spawnServer(env, 120_000);
        server.child.kill("SIGKILL");
      }
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("START5 an ADMIN_TOKEN under 16 characters is refused with a message naming it", async () => {
    await expect(
      spawnServer({ PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dataDir(), UI: "0", DEMO: "0", ADMIN_TOKEN: "s3cret" }, 120_000),
    ).rejects.toThrow(/ADMIN_TOKEN/);
  });

  it("START6 ADMIN_TOKEN revokes the secretary link it replaces, and a revoked ADMIN_TOKEN stays revoked after a restart", async () => {
    const dir = dataDir();
    const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dir, UI: "0", DEMO: "0" };
    const status = (url: string, token: string) =>
      fetch(`${url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    let server = await spawnServer(env);
    const oldLink = server.output().match(/secretary: +\S+\?token=(\S+)/)?.[1] ?? "";
    expect(await status(server.url, oldLink)).toBe(200);
    await server.stop();

    server = await spawnServer({ ...env, ADMIN_TOKEN: LONG_ADMIN });
    expect(await status(server.url, oldLink)).toBe(401);
    const list = (await (await fetch(`${server.url}/api/tokens`, { headers: { authorization: `Bearer ${LONG_ADMIN}` } })).json()) as {
      tokens: { id: string; label: string }[];
    };
    const admin = list.tokens.find((t) => t.label === "ADMIN_TOKEN");
    expect(admin).toBeDefined();
    const del = await fetch(`${server.url}/api/tokens/${admin?.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${LONG_ADMIN}` },
    });
    expect(del.status).toBeLessThan(300);
    await server.stop();

    server = await spawnServer({ ...env, ADMIN_TOKEN: LONG_ADMIN });
    expect(await status(server.url, LONG_ADMIN)).toBe(401);
    expect(server.output()).toMatch(/ADMIN_TOKEN has been revoked/);
    await server.stop();
  });

  it("START3 a bad setting stops the start with a message naming the variable", async () => {
    await expect(spawnServer({ PORT: "70000", DATA_DIR: dataDir(), UI: "0" }, 120_000)).rejects.toThrow(/PORT/);
  });
});
