// `npx tsx bench/registry-import.ts`: 5,000 households from file to last row (preview, import, on a screen), on each engine.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { freshPostgresDatabase, postgresAvailable } from "../tests/support/db";
import { gbk, householdsCsv } from "../tests/support/registry-files";
import { connect, connected } from "../tests/support/socket";
import { freePort, spawnServer } from "../tests/support/spawn";
import { waitFor } from "../tests/support/wait";

const ADMIN = "bench-admin-token-0123456789";
const N = 5000;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function workbook(csv: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("住户");
  for (const line of csv.trim().split("\n")) sheet.addRow(line.split(","));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function bench(engine: "pglite" | "postgres", files: { csv: string; gbk: Buffer; xlsx: Buffer; changed: string }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cordon-bench-import-"));
  const pg = engine === "postgres" ? await freshPostgresDatabase() : null;
  const server = await spawnServer({
    PORT: freePort(),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_TOKEN: ADMIN,
    DEMO: "0",
    UI: "0",
    RATE_LIMIT: "100000",
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  });
  const send = async (query: string, body: string | Buffer, type = "text/csv") => {
    const t = performance.now();
    const r = await fetch(`${server.url}/api/registry/import?community=default&kind=households&${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": type },
      body: typeof body === "string" ? body : new Uint8Array(body),
    });
    const summary = await r.json();
    return { ms: performance.now() - t, status: r.status, summary };
  };
  const socket = connect(server.url, { token: ADMIN });
  await connected(socket);
  socket.emit("subscribe", { community: "default" });
  await waitFor(() => socket.latest(), "snapshot");

  const rows: [string, string][] = [];
  const kib = (b: string | Buffer) => `${Math.round(Buffer.byteLength(b) / 1024)} KiB`;
  for (const [what, body, type] of [
    [`preview, CSV UTF-8 (${kib(files.csv)})`, files.csv, "text/csv"],
    [`preview, CSV GBK (${kib(files.gbk)})`, files.gbk, "text/csv"],
    [`preview, .xlsx (${kib(files.xlsx)})`, files.xlsx, XLSX],
  ] as const) {
    const r = await send("dryRun=1", body, type);
    if (r.status !== 200 || r.summary.new.households !== N) throw new Error(`preview failed: ${JSON.stringify(r.summary).slice(0, 300)}`);
    rows.push([what, fmt(r.ms)]);
  }
  const t = performance.now();
  const done = await send("", files.csv);
  if (done.status !== 201) throw new Error(`import failed: ${JSON.stringify(done.summary).slice(0, 300)}`);
  rows.push([`import, CSV: ${N.toLocaleString("en")} households + 50 buildings in one transaction, until 201`, fmt(done.ms)]);
  await waitFor(() => socket.latest()?.counts.householdsTotal === N, "the last row on a subscribed screen", 120_000, 5);
  rows.push(["import, CSV: until a subscribed screen shows the last row", fmt(performance.now() - t)]);
  const again = await send("", files.csv);
  rows.push(["the same file again (all unchanged, nothing recorded)", fmt(again.ms)]);
  const changed = await send("", files.changed);
  if (changed.summary.changed?.households !== N / 10) throw new Error(`change failed: ${JSON.stringify(changed.summary).slice(0, 300)}`);
  rows.push([`${(N / 10).toLocaleString("en")} changed rows (household.updated)`, fmt(changed.ms)]);

  socket.close();
  await server.stop();
  await pg?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  return rows;
}

const csv = householdsCsv(N);
const files = {
  csv,
  gbk: gbk(csv),
  xlsx: await workbook(csv),
  changed: householdsCsv(N, (c, i) => (i % 10 === 0 ? [c[0], c[1], "7", c[3], c[4]] : c) as string[]),
};
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg()[0]?.toFixed(1)}, Node ${process.version}`;
console.log(`Registry import, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
const engines: ("pglite" | "postgres")[] = ["pglite"];
if (await postgresAvailable()) engines.push("postgres");
for (const engine of engines) {
  const rows = await bench(engine, files);
  console.log(`| ${engine} | figure |\n| --- | --- |`);
  for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
  console.log("");
}
process.exit(0);
