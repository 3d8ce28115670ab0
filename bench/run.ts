// `npm run bench`: start-up, ingest throughput, post-to-screen latency and snapshot cost,
// on the embedded database and on PostgreSQL (when one answers at 127.0.0.1:5432).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshPostgresDatabase, postgresAvailable } from "../tests/support/db";
import { connect, connected } from "../tests/support/socket";
import { freePort, spawnServer } from "../tests/support/spawn";
import { waitFor } from "../tests/support/wait";

const ADMIN = "bench-admin-token-0123456789";
const quick = process.argv.includes("--quick");

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (n: number, d = 1) => n.toFixed(d);

async function bench(engine: "pglite" | "postgres") {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cordon-bench-"));
  const pg = engine === "postgres" ? await freshPostgresDatabase() : null;
  const env: Record<string, string> = {
    PORT: freePort(),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_TOKEN: ADMIN,
    UI: "0",
    RATE_LIMIT: "1000000",
  };
  if (pg) env.DATABASE_URL = pg.url;
  const rows: [string, string][] = [];

  // Start-up with the demo compound loaded into a new database, then a restart on it.
  let t = Date.now();
  let server = await spawnServer({ ...env, DEMO: "1", DEMO_TICK_MS: "3600000" });
  rows.push(["start-up, new database + demo compound (2,415 events)", `${fmt((Date.now() - t) / 1000)} s`]);
  await server.stop();
  t = Date.now();
  server = await spawnServer({ ...env, DEMO: "0" });
  rows.push(["start-up, existing database", `${fmt((Date.now() - t) / 1000)} s`]);

  const post = (body: unknown) =>
    fetch(`${server.url}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  let n = 0;
  const vol = () => ({ type: "volunteer.registered", payload: { volunteerId: `bench${n++}`, name: "n", skills: [] } });

  // Throughput: one writer, eight writers, batches.
  const single = quick ? 300 : 2000;
  t = performance.now();
  for (let i = 0; i < single; i++) if ((await post(vol())).status !== 201) throw new Error("post failed");
  rows.push(["single events, 1 writer", `${fmt(single / ((performance.now() - t) / 1000), 0)} events/s`]);
  t = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = 0; i < single / 8; i++) if ((await post(vol())).status !== 201) throw new Error("post failed");
    }),
  );
  rows.push(["single events, 8 writers", `${fmt(single / ((performance.now() - t) / 1000), 0)} events/s`]);
  for (const size of [100, 1000]) {
    const batches = quick ? 3 : 20;
    t = performance.now();
    for (let b = 0; b < batches; b++)
      if ((await post({ events: Array.from({ length: size }, vol) })).status !== 201) throw new Error("batch failed");
    rows.push([`batches of ${size}`, `${fmt((batches * size) / ((performance.now() - t) / 1000), 0)} events/s`]);
  }

  // Post-to-screen: an event posted until a subscribed client holds counts with its seq.
  const socket = connect(server.url, { token: ADMIN });
  await connected(socket);
  socket.emit("subscribe", { community: "default" });
  await waitFor(() => socket.latest(), "snapshot");
  const latency = async (count: number, gapMs: number) => {
    const lat: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const r = await post(vol());
      const seq = ((await r.json()) as { accepted: { seq: number }[] }).accepted[0]?.seq ?? 0;
      await waitFor(() => (socket.latest()?.seq ?? 0) >= seq, "counts", 5000, 1);
      lat.push(performance.now() - start);
      await new Promise((r2) => setTimeout(r2, gapMs));
    }
    return `${fmt(pct(lat, 50))} / ${fmt(pct(lat, 99))} ms`;
  };
  rows.push(["post → counts on a socket client, quiet feed (1 event / 150 ms), p50 / p99", await latency(quick ? 30 : 150, 150)]);
  rows.push([
    "post → counts on a socket client, busy feed (1 event / 20 ms, coalesced to 10/s), p50 / p99",
    await latency(quick ? 50 : 300, 20),
  ]);
  socket.close();

  // Snapshot cost as the feed grows.
  const head = ((await (await fetch(`${server.url}/api/health`)).json()) as { seq: number }).seq;
  const snapTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    await fetch(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${ADMIN}` } });
    snapTimes.push(performance.now() - s);
  }
  rows.push([`GET /api/snapshot with ${head.toLocaleString("en")} events in the feed, p50`, `${fmt(pct(snapTimes, 50), 2)} ms`]);

  await server.stop();
  await pg?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  return rows;
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Cordon benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine}${quick ? " (quick)" : ""}\n`);
const engines: ("pglite" | "postgres")[] = ["pglite"];
if (await postgresAvailable()) engines.push("postgres");
for (const engine of engines) {
  const rows = await bench(engine);
  console.log(`| ${engine} | figure |\n| --- | --- |`);
  for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
  console.log("");
}
process.exit(0);
