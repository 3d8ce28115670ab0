// `npm run bench`: Cordon's figures against their targets, beside the floors (a bare insert-and-commit loop, a bare
// Socket.IO broadcast) and beside polling, on the embedded database and on PostgreSQL (when one answers at
// 127.0.0.1:5432); writes BENCHMARKS.md. `npm run bench -- --quick` runs every part small and writes nothing.
// Options: `--only=floors,push-floor,cordon,import,polling,feed,many,wall,street` runs those parts (`street` rewrites only
// its own section of BENCHMARKS.md, even alone); `--feed-events=N`
// sizes the long feed (default 10,000,000; 200,000 with --quick); `--json=FILE` also keeps every raw sample there.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { ADMIN_URL, postgresAvailable } from "../tests/support/db";
import { writeBenchmarks } from "./benchmarks-file";
import { dropOwnDatabases, type Engine, machine, now, QUICK, secs, size, stealMeter } from "./common";
import { benchEngine } from "./cordon-engine";
import { pgliteFloors, postgresFloors } from "./floor-db";
import { pushFloors } from "./floor-push";
import { closeLoad } from "./http-load";
import { benchLongFeed } from "./long-feed-reads";
import { benchManySubscribers } from "./many-subscribers";
import { benchPolling } from "./polling";
import { benchImport, importFiles } from "./registry-import";
import { machineLine, sections } from "./report";
import type { Results } from "./results";
import { benchStreet } from "./street";
import { STREET_TITLE, streetSection, writeStreetSection } from "./street-report";
import { benchWall } from "./wall-load";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = option("only")?.split(",");
const wanted = (part: string) => !only || only.includes(part);
const feedEvents = Number(option("feed-events") ?? size(10_000_000, 200_000));

async function postgresVersion(): Promise<string | null> {
  if (!(await postgresAvailable())) return null;
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const version = String((await sql`show server_version`)[0]?.server_version).split(" ")[0];
    const fsync = (await sql`show fsync`)[0]?.fsync;
    const commit = (await sql`show synchronous_commit`)[0]?.synchronous_commit;
    return `${version} (fsync ${fsync}, synchronous_commit ${commit})`;
  } finally {
    await sql.end();
  }
}

process.once("SIGINT", () => {
  console.log("\ninterrupted: dropping this run's databases");
  void dropOwnDatabases()
    .catch(() => {})
    .finally(() => process.exit(130));
});

const pgVersion = await postgresVersion();
const engines: Engine[] = pgVersion ? ["postgres", "pglite"] : ["pglite"];
const results: Results = {
  startedAt: new Date(),
  quick: QUICK,
  machine: {
    ...machine(),
    postgres: pgVersion,
    pglite: JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")).version,
    load: os.loadavg()[0] ?? 0,
  },
  engines,
  dbFloors: {},
  cordon: {},
  imports: {},
  failures: [],
  steal: {},
};
const t0 = now();
const runStolen = stealMeter();
console.log(`Cordon benchmarks, ${machineLine(results)}${QUICK ? " (quick)" : ""}\n`);
if (results.machine.load > 1) console.log(`Note: the machine is busy (load ${results.machine.load.toFixed(1)}); figures will be low.\n`);

/** Runs one part; a failure is noted and the run goes on. */
async function part(name: string, key: string, run: (log: (s: string) => void) => Promise<void>) {
  if (!wanted(key)) return;
  const t = now();
  const stolen = stealMeter();
  console.log(`▸ ${name}`);
  try {
    await run((s) => console.log(`  ${s}`));
    console.log(`  done in ${secs(now() - t)}`);
  } catch (err) {
    results.failures.push({ part: name, message: (err as Error).message });
    console.log(`  FAILED: ${(err as Error).stack ?? err}`);
  }
  const steal = stolen();
  results.steal[name] = steal;
  if (steal >= 0.05)
    console.log(`  note: the host took ${(100 * steal).toFixed(0)}% of the cores' time during this part; its figures are low`);
}

await part("database floors", "floors", async () => {
  if (pgVersion) results.dbFloors.postgres = await postgresFloors(size(5000, 2000));
  results.dbFloors.pglite = await pgliteFloors(size(5000, 2000));
});
await part("HTTP and Socket.IO floors", "push-floor", async () => {
  results.pushFloor = await pushFloors(200);
});
for (const engine of engines)
  await part(`Cordon on ${engine}`, "cordon", async (log) => {
    results.cordon[engine] = await benchEngine(engine, log);
  });
await part("registry import", "import", async () => {
  const files = await importFiles();
  for (const engine of engines) results.imports[engine] = await benchImport(engine, files);
});
if (pgVersion) {
  await part("push or poll (PostgreSQL)", "polling", async (log) => {
    results.polling = await benchPolling(200, log);
  });
  await part(`a feed of ${feedEvents.toLocaleString("en")} events (PostgreSQL)`, "feed", async (log) => {
    results.longFeed = await benchLongFeed(feedEvents, log);
  });
}
await part("subscribers on one node", "many", async (log) => {
  results.many = await benchManySubscribers(engines[0]!, size(10_000, 1000), log);
});
await part("the wall display", "wall", async (log) => {
  results.wall = await benchWall(size(10, 3), log);
});
if (pgVersion)
  await part("the street office (PostgreSQL)", "street", async (log) => {
    results.street = await benchStreet(log);
  });
await closeLoad();
results.durationMs = now() - t0;
results.steal["the whole run"] = runStolen();

console.log("");
for (const s of sections(results)) console.log(`## ${s.title}\n\n${s.body}\n`);
const street = results.street ? streetSection(results.street, machineLine(results)) : null;
if (street) console.log(`## ${STREET_TITLE}\n\n${street}\n`);
console.log(`The run took ${secs(results.durationMs)}.`);
const json = option("json");
if (json) writeFileSync(json, JSON.stringify(results));
if (QUICK || only) console.log("(quick or partial run: BENCHMARKS.md left as it is)");
else {
  writeBenchmarks(results);
  console.log("Wrote BENCHMARKS.md.");
}
if (street && !QUICK) {
  writeStreetSection(street);
  console.log(`Wrote the section "${STREET_TITLE}" of BENCHMARKS.md.`);
}
process.exit(results.failures.length ? 1 : 0);
