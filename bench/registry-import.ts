// `npx tsx bench/registry-import.ts`: 5,000 households from file to last row (preview, import, on a screen), on each engine.
// `npm run bench` runs the same (benchImport) for its figure "registry import, file to last row".
import os from "node:os";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { postgresAvailable } from "../tests/support/db";
import { gbk, householdsCsv } from "../tests/support/registry-files";
import { connect, connected } from "../tests/support/socket";
import { waitFor } from "../tests/support/wait";
import { ADMIN, type Engine, startServer } from "./common";

const N = 5000;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

export interface ImportFiles {
  csv: string;
  gbk: Buffer;
  xlsx: Buffer;
  changed: string;
}

async function workbook(csv: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("住户");
  for (const line of csv.trim().split("\n")) sheet.addRow(line.split(","));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 5,000-household file as CSV (UTF-8, GBK), .xlsx, and with every tenth row changed. */
export async function importFiles(): Promise<ImportFiles> {
  const csv = householdsCsv(N);
  return {
    csv,
    gbk: gbk(csv),
    xlsx: await workbook(csv),
    changed: householdsCsv(N, (c, i) => (i % 10 === 0 ? [c[0], c[1], "7", c[3], c[4]] : c) as string[]),
  };
}

/** The import's figures on one engine; `toLastRowMs`: from sending the CSV until a subscribed screen shows the last row. */
export async function benchImport(engine: Engine, files: ImportFiles): Promise<{ rows: [string, string][]; toLastRowMs: number }> {
  const server = await startServer(engine);
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
  try {
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
    const toLastRowMs = performance.now() - t;
    rows.push(["import, CSV: until a subscribed screen shows the last row", fmt(toLastRowMs)]);
    const again = await send("", files.csv);
    rows.push(["the same file again (all unchanged, nothing recorded)", fmt(again.ms)]);
    const changed = await send("", files.changed);
    if (changed.summary.changed?.households !== N / 10) throw new Error(`change failed: ${JSON.stringify(changed.summary).slice(0, 300)}`);
    rows.push([`${(N / 10).toLocaleString("en")} changed rows (household.updated)`, fmt(changed.ms)]);
    return { rows, toLastRowMs };
  } finally {
    socket.close();
    await server.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const files = await importFiles();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg()[0]?.toFixed(1)}, Node ${process.version}`;
  console.log(`Registry import, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
  const engines: Engine[] = ["pglite"];
  if (await postgresAvailable()) engines.push("postgres");
  for (const engine of engines) {
    const { rows } = await benchImport(engine, files);
    console.log(`| ${engine} | figure |\n| --- | --- |`);
    for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
    console.log("");
  }
  process.exit(0);
}
