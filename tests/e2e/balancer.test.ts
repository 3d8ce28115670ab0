// NODE1–NODE3: Cordon nodes on one PostgreSQL behind a real HAProxy (sticky cookie) and nginx (default Host, PUBLIC_URL), seen in Chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { freshPostgresDatabase, postgresAvailable } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { type LiveClient, liveClient } from "../support/live-client";
import { type Balancer, binariesAvailable, loopbackPorts, startHaproxy, startNginx } from "../support/proxies";
import { connect, connected } from "../support/socket";
import { type Spawned, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";
import { expectKpisEqual, kpi } from "../support/wall-page";

const ADMIN = "e2e-admin-token-balancer-0123456789";
const ready = browserAvailable() && binariesAvailable(["haproxy", "nginx"]) && (await postgresAvailable());

async function call(base: string, pathname: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${base}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

/** Records every value the page's connection badge takes from now on. */
const watchConnection = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { connHistory: string[]; sameDocument: boolean };
    w.connHistory = [];
    w.sameDocument = true;
    const read = () => document.querySelector("[data-connection]")?.getAttribute("data-connection") ?? "none";
    new MutationObserver(() => {
      const v = read();
      if (w.connHistory.at(-1) !== v) w.connHistory.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-connection"] });
  });
const connHistory = (page: Page) => page.evaluate(() => (window as unknown as { connHistory: string[] }).connHistory);

describe.skipIf(!ready)("NODE: several nodes behind a load balancer", () => {
  let drop: () => Promise<void> = async () => {};
  const nodes: Record<string, Spawned> = {};
  const proxies: Balancer[] = [];
  let haproxy: Balancer;
  let nginx: Balancer;
  let browser: Browser;
  let display: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    const pg = await freshPostgresDatabase();
    drop = pg.drop;
    const [hp, ng, p1, p2, p3] = await loopbackPorts(5);
    const base = { DATABASE_URL: pg.url, DEMO: "0", ADMIN_TOKEN: ADMIN, HOST: "127.0.0.1", RATE_LIMIT: "100000", TRUST_PROXY: "1" };
    // Each node keeps its own DATA_DIR (the start-up links' file); everything else is in PostgreSQL.
    const dataDir = () => {
      const d = mkdtempSync(path.join(tmpdir(), "cordon-node-"));
      dirs.push(d);
      return d;
    };
    // n1 and n2 sit behind HAProxy, n3 behind nginx; each node's PUBLIC_URL is the address its browsers use.
    const started = await Promise.allSettled([
      spawnServer({ ...base, DATA_DIR: dataDir(), PORT: String(p1), PUBLIC_URL: `http://127.0.0.1:${hp}` }),
      spawnServer({ ...base, DATA_DIR: dataDir(), PORT: String(p2), PUBLIC_URL: `http://127.0.0.1:${hp}` }),
      spawnServer({ ...base, DATA_DIR: dataDir(), PORT: String(p3), PUBLIC_URL: `http://127.0.0.1:${ng}` }),
    ]);
    started.forEach((s, i) => {
      if (s.status === "fulfilled") nodes[`n${i + 1}`] = s.value;
    });
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    haproxy = await startHaproxy(hp!, [
      { name: "n1", port: p1! },
      { name: "n2", port: p2! },
    ]);
    proxies.push(haproxy);
    nginx = await startNginx(ng!, p3!);
    proxies.push(nginx);
    expect((await call(nodes.n1!.url, "/api/events", { events: smallCompound() })).status).toBe(201);
    const minted = await call(nodes.n1!.url, "/api/tokens", { role: "display", label: "office wall" });
    display = minted.body.token;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const p of proxies) await p.stop();
    for (const n of Object.values(nodes)) await n.stop();
    await drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("NODE1 HAProxy, sticky by cookie: when a node is killed its wall and socket clients reconnect to the other node by themselves and converge", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const polls: number[] = [];
    let websockets = 0;
    page.on("response", (r) => {
      if (r.url().includes("/socket.io/") && r.url().includes("transport=polling")) polls.push(r.status());
    });
    page.on("websocket", () => websockets++);
    await page.goto(`${haproxy.url}/wall?token=${display}`);
    expect(page.url()).toBe(`${haproxy.url}/wall`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const nodeOf = async () => (await context.cookies()).find((c) => c.name === "cordon_node")?.value;
    const first = await nodeOf();
    expect(["n1", "n2"]).toContain(first);
    // Socket.IO began on long-polling and upgraded: every poll reached the node that holds its session.
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((s) => s === 200)).toBe(true);
    expect(websockets).toBeGreaterThan(0);

    // WebSocket-only clients need no stickiness; round robin spreads them over both nodes.
    const clients: LiveClient[] = [];
    for (let i = 0; i < 4; i++) clients.push(liveClient(haproxy.url, display));
    await waitFor(() => clients.every((c) => c.latest()), "four socket clients to get a snapshot through HAProxy", 30_000);

    await watchConnection(page);
    const survivor = first === "n1" ? "n2" : "n1";
    const killedAt = Date.now();
    await nodes[first!]!.kill9();

    await waitFor(async () => (await connHistory(page)).some((v) => v !== "live"), "the wall to notice its node is gone", 30_000, 50);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 20_000 });
    const wallBackMs = Date.now() - killedAt;
    expect(await nodeOf()).toBe(survivor);
    await waitFor(() => clients.every((c) => c.socket.connected), "every socket client to be connected again", 60_000);
    const clientsBackMs = Date.now() - killedAt;
    const moved = clients.filter((c) => c.disconnects > 0);
    expect(moved.length, "round robin put some clients on the killed node").toBeGreaterThan(0);
    expect(moved.every((c) => c.connects >= 2)).toBe(true);

    const more = [
      { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } },
      { type: "household.tested", payload: { roundId: "r1", householdId: "h2" } },
      { type: "building.sealed", payload: { buildingId: "b2", reason: "case" } },
      { type: "volunteer.checked_in", payload: { volunteerId: "v1", post: "testing" } },
      { type: "request.opened", payload: { requestId: "q1", householdId: "h3", kind: "medical", urgent: true } },
    ];
    for (const e of more) expect((await call(haproxy.url, "/api/events", e)).status).toBe(201);
    const snap = (await call(haproxy.url, "/api/snapshot")).body as { seq: number; counts: Record<string, number> };
    expect(snap.counts.householdsTested).toBe(2);
    await expectKpisEqual(page, snap.counts);
    await waitFor(() => clients.every((c) => c.latest()?.seq === snap.seq), "every socket client to reach the snapshot's seq", 30_000);
    for (const c of clients) expect(c.latest()?.counts).toEqual(snap.counts);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    console.log(`NODE1: wall live again ${wallBackMs} ms after the kill, all ${clients.length} socket clients ${clientsBackMs} ms`);
    for (const c of clients) c.close();
    await context.close();
  });

  it("NODE2 nginx with its default Host header and PUBLIC_URL: a sign-in link through it gives a working session and a live socket, by polling and by WebSocket", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${nginx.url}/wall?token=${display}`);
    expect(page.url()).toBe(`${nginx.url}/wall`);
    const cookie = (await context.cookies()).find((c) => c.name === "cordon_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.secure, "PUBLIC_URL is http: the cookie must not be Secure").toBe(false);
    const session = await page.evaluate(async () => {
      const r = await fetch("/api/session");
      return { status: r.status, body: await r.json() };
    });
    expect(session.status).toBe(200);
    expect(session.body.role).toBe("display");
    // The wall's own socket starts on long-polling, whose first GET carries no Origin.
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const tested = await kpi(page, "householdsTested");
    expect((await call(nginx.url, "/api/events", { type: "household.tested", payload: { roundId: "r1", householdId: "h3" } })).status).toBe(
      201,
    );
    await expect.poll(() => kpi(page, "householdsTested"), { timeout: 30_000 }).toBe(tested + 1);

    // A WebSocket handshake always carries Origin (here PUBLIC_URL) while nginx sends Host 127.0.0.1:<node port>:
    // the cookie must be accepted against PUBLIC_URL. "40…" is Socket.IO's connect, "44…" its refusal.
    const answer = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
          const guard = setTimeout(() => resolve("no answer in 5 s"), 5000);
          const done = (v: string) => {
            clearTimeout(guard);
            ws.close();
            resolve(v);
          };
          ws.onmessage = (m) => {
            const d = String(m.data);
            if (d.startsWith("0")) ws.send("40");
            else if (d.startsWith("40") || d.startsWith("44")) done(d);
          };
          ws.onerror = () => done("websocket error");
        }),
    );
    expect(answer.startsWith("40"), `the cookie over a WebSocket through nginx (PUBLIC_URL origin, nginx's Host): ${answer}`).toBe(true);

    // The same cookie from another origin is refused, on the socket and on a state-changing request.
    const pair = `cordon_session=${encodeURIComponent(cookie!.value)}`;
    const foreign = connect(nginx.url, { cookie: pair, origin: "http://elsewhere.example" });
    await expect(connected(foreign)).rejects.toThrow(/unauthorized/);
    foreign.close();
    await context.close();
  });

  it("NODE3 nginx with its default Host header and PUBLIC_URL: a secretary signed in through it posts from the page with the cookie; another origin gets 403", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${nginx.url}/wall?token=${ADMIN}`);
    expect(page.url()).toBe(`${nginx.url}/wall`);
    const event = { type: "volunteer.registered", payload: { volunteerId: "v-nginx", name: "Signed in through nginx", skills: [] } };
    const posted = await page.evaluate(async (body) => {
      const r = await fetch("/api/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: r.status, body: await r.text() };
    }, event);
    expect(posted.status, `a same-origin POST with the cookie through nginx: ${posted.body}`).toBe(201);
    const cookie = (await context.cookies()).find((c) => c.name === "cordon_session");
    const foreign = await fetch(`${nginx.url}/api/events`, {
      method: "POST",
      headers: {
        cookie: `cordon_session=${encodeURIComponent(cookie!.value)}`,
        origin: "http://elsewhere.example",
        "content-type": "application/json",
      },
      body: JSON.stringify({ ...event, payload: { ...event.payload, volunteerId: "v-foreign" } }),
    });
    expect(foreign.status, "a cookie-signed POST from another origin").toBe(403);
    await context.close();
  });
});
