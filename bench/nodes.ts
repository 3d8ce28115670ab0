// `npx tsx bench/nodes.ts`: what several nodes on one PostgreSQL cost (connections, memory per socket, writes, reads); figures for docs/deploy.md.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, connect as tcpConnect } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freshPostgresDatabase, postgresAvailable } from "../tests/support/db";
import { type LiveClient, liveClient } from "../tests/support/live-client";
import { freePort, type Spawned, spawnServer } from "../tests/support/spawn";
import { waitFor } from "../tests/support/wait";

const ADMIN = "bench-admin-token-nodes-0123456789";
const SOCKETS = Number(process.env.SOCKETS ?? 5000);
const COMMUNITIES = 10;

if (!(await postgresAvailable())) process.exit(0);
const pg = await freshPostgresDatabase();
const dbName = new URL(pg.url).pathname.slice(1);
const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
const dirs: string[] = [];
const nodes: Spawned[] = [];
const rows: [string, string][] = [];
const fmt = (n: number, d = 0) => n.toFixed(d);

/**
 * A TCP relay between one node and PostgreSQL that counts the node's round trips: every Sync
 * (extended protocol, one per statement from postgres.js) or simple Query message it sends.
 */
async function countingRelay(): Promise<{ url: string; count(): number; close(): void }> {
  const target = new URL(pg.url);
  let count = 0;
  const server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).on("error", () => client.destroy());
    upstream.pipe(client).on("error", () => upstream.destroy());
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    let buf = Buffer.alloc(0);
    let started = false;
    client.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (!started) {
          if (buf.length < 4 || buf.length < buf.readInt32BE(0)) break;
          buf = buf.subarray(buf.readInt32BE(0));
          started = true;
          continue;
        }
        if (buf.length < 5 || buf.length < 1 + buf.readInt32BE(1)) break;
        if (buf[0] === 0x53 || buf[0] === 0x51) count++;
        buf = buf.subarray(1 + buf.readInt32BE(1));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = new URL(pg.url);
  url.host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url: url.toString(), count: () => count, close: () => server.close() };
}
const relays = new Map<Spawned, { count(): number; close(): void }>();

async function node(extra: Record<string, string> = {}, counted = true): Promise<Spawned> {
  const relay = counted ? await countingRelay() : { url: pg.url, count: () => 0, close() {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), "cordon-bench-node-"));
  dirs.push(dir);
  const s = await spawnServer({
    PORT: freePort(),
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    DATABASE_URL: relay.url,
    ADMIN_TOKEN: ADMIN,
    DEMO: "0",
    UI: "0",
    RATE_LIMIT: "1000000",
    SOCKETS_PER_TOKEN: "1000000",
    ...extra,
  });
  nodes.push(s);
  relays.set(s, relay);
  return s;
}
/** Round trips a second `s` makes to PostgreSQL while `work` runs. */
async function queriesPerSecond(s: Spawned, work: () => Promise<unknown>): Promise<number> {
  const before = relays.get(s)!.count();
  const t = Date.now();
  await work();
  return (relays.get(s)!.count() - before) / ((Date.now() - t) / 1000);
}
const rssMiB = (s: Spawned) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${s.child.pid}/status`, "utf8"))?.[1] ?? 0);
  return kb / 1024;
};
const connections = async () =>
  Number((await admin`select count(*)::int as n from pg_stat_activity where datname = ${dbName} and application_name = 'cordon'`)[0]?.n);
const post = async (s: Spawned, body: unknown) => {
  const r = await fetch(`${s.url}/api/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (r.status !== 201) throw new Error(`post failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { accepted: { seq: number }[] }).accepted.at(-1)?.seq ?? 0;
};
let n = 0;
const vol = (community = "default") => ({
  type: "volunteer.registered",
  community,
  payload: { volunteerId: `v${n++}`, name: "n", skills: [] },
});
const timed = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Posts single events at `rate` a second for `ms`, spread over `targets` and `communities` communities. */
async function steady(targets: Spawned[], rate: number, ms: number, communities = COMMUNITIES): Promise<number> {
  let sent = 0;
  const pending: Promise<unknown>[] = [];
  const started = Date.now();
  while (Date.now() - started < ms) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    for (; sent < due; sent++) pending.push(post(targets[sent % targets.length]!, vol(`c${sent % communities}`)));
    await timed(10);
  }
  await Promise.all(pending);
  return sent;
}
const stop = async (x: Spawned) => {
  await x.stop();
  nodes.splice(nodes.indexOf(x), 1);
};
try {
  // One node, API only (not behind the counting relay, which would slow its writes).
  const a = await node({}, false);
  await post(a, { events: Array.from({ length: COMMUNITIES }, (_, i) => vol(`c${i}`)) });
  rows.push(["PostgreSQL connections of one idle node", String(await connections())]);
  await Promise.all(Array.from({ length: 64 }, () => post(a, vol())));
  rows.push(["… after 64 concurrent POSTs (pool max 10 + the LISTEN connection)", String(await connections())]);
  rows.push(["server max_connections (superuser_reserved 3)", String((await admin`show max_connections`)[0]?.max_connections)]);
  rows.push(["RSS of an idle node, API only (UI=0)", `${fmt(rssMiB(a))} MiB`]);

  // Write throughput: 16 writers on one node, then on two.
  const writers = async (targets: Spawned[]) => {
    const t = Date.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        while (Date.now() - t < 4000) {
          await post(targets[w % targets.length]!, vol());
          done++;
        }
      }),
    );
    return done / ((Date.now() - t) / 1000);
  };
  rows.push(["single-event POSTs, 16 writers on 1 node (one commit and one NOTIFY each)", `${fmt(await writers([a]))} events/s`]);
  const b = await node({}, false);
  rows.push(["… on 2 nodes", `${fmt(await writers([a, b]))} events/s`]);
  await stop(a);
  await stop(b);

  // Read amplification: a node that takes no writes and has no subscribers still follows the feed.
  const writer = await node();
  const follower = await node();
  rows.push([
    "queries a second from one idle node (the listener's 1 s heartbeat)",
    fmt(await queriesPerSecond(follower, () => timed(5000)), 1),
  ]);
  for (const [rate, communities] of [
    [100, 10],
    [100, 1],
    [20, 10],
  ] as const) {
    const [w, f] = await Promise.all([
      queriesPerSecond(writer, () => steady([writer], rate, 8000, communities)),
      queriesPerSecond(follower, () => timed(8000)),
    ]);
    rows.push([
      `queries a second at ${rate} events/s over ${communities} communit${communities > 1 ? "ies" : "y"}: the writing node / a node that only follows`,
      `${fmt(w)} / ${fmt(f)}`,
    ]);
  }
  const perRequest = async (pathname: string) => {
    const before = relays.get(follower)!.count();
    for (let i = 0; i < 20; i++) await fetch(`${follower.url}${pathname}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    return (relays.get(follower)!.count() - before) / 20;
  };
  rows.push([
    "queries for one GET /api/snapshot / one GET /api/wall (what a counts push / a wall push reads, plus the token check)",
    `${fmt(await perRequest("/api/snapshot?community=c0"), 1)} / ${fmt(await perRequest("/api/wall?community=c0"), 1)}`,
  ]);
  await stop(writer);
  await stop(follower);

  // Sockets: SOCKETS subscribers on one node; memory per socket, and one change fanned out to all.
  const s = await node({}, false);
  await post(s, vol());
  await timed(2000);
  const baseRss = rssMiB(s);
  const clients: LiveClient[] = [];
  const t0 = Date.now();
  for (let i = 0; i < SOCKETS; i++) {
    clients.push(liveClient(s.url, ADMIN));
    if (i % 200 === 199) await waitFor(() => clients.every((c) => c.latest()), "subscribers", 30_000, 20);
  }
  await waitFor(() => clients.every((c) => c.latest()), "subscribers", 30_000, 20);
  rows.push([`${SOCKETS} WebSocket subscribers connected and given a snapshot`, `${fmt((Date.now() - t0) / 1000, 1)} s`]);
  await timed(2000);
  const withSockets = rssMiB(s);
  rows.push([
    `RSS: idle, then with ${SOCKETS} subscribers`,
    `${fmt(baseRss)} → ${fmt(withSockets)} MiB (${fmt(((withSockets - baseRss) * 1024) / SOCKETS, 1)} KiB a socket)`,
  ]);
  const fan: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const seq = await post(s, vol());
    await waitFor(() => clients.every((c) => (c.latest()?.seq ?? 0) >= seq), "fan-out", 10_000, 1);
    fan.push(performance.now() - t);
    await timed(150);
  }
  fan.sort((x, y) => x - y);
  rows.push([`post → counts on all ${SOCKETS} sockets (clients in the bench process), median of 10`, `${fmt(fan[5] ?? 0)} ms`]);
  for (const c of clients) c.close();
  await stop(s);

  // A node with pages, for its resting size.
  const ui = await node({ UI: "1" }, false);
  await fetch(`${ui.url}/wall`);
  rows.push(["RSS of an idle node with pages (after serving /wall once)", `${fmt(rssMiB(ui))} MiB`]);
} finally {
  for (const s of nodes) await s.stop();
  for (const r of relays.values()) r.close();
  await admin.end();
  await pg.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Cordon nodes, ${new Date().toISOString().slice(0, 10)}, ${machine}\n\n| what | figure |\n| --- | --- |`);
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
process.exit(0);
