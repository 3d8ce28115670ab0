// `npm run verify`: recounts every projection from the feed and reports each difference; exit 0 equal, 1 different, 2 could not verify.
import { existsSync } from "node:fs";
import path from "node:path";
import { type DatabaseHandle, openPglite, openPostgres } from "../drizzle/client";
import { readEnv } from "../server/env";
import { type VerifyReport, verifyProjections } from "../server/ops/verify";
import { lockDataDir } from "../server/pglite-lock";

const HELP = `npm run verify [-- --json] [-- --limit N]

Recounts every projection (the counts, rounds, tests, requests, buildings, volunteers, alarms,
chart buckets) from the feed, the events table, and compares them with what is stored.
It reads the database the server would use:
  DATABASE_URL  a PostgreSQL server: verify at any time, even while servers run (it reads one
                consistent snapshot and changes nothing);
  DATA_DIR      the embedded database (default ./data): stop the server first, as PGlite is one
                process's private database and a running server holds DATA_DIR.
Exit status: 0 the projections equal the recount; 1 differences (listed); 2 could not verify.
  --json      print the report as JSON
  --limit N   list at most N differences (default 50)
`;

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function print(report: VerifyReport, where: string, limit: number): void {
  const n = report.communities.length;
  const feed = report.events === 0 ? "an empty feed" : `${report.events.toLocaleString("en")} events (seq 1..${report.events})`;
  const head = `${feed} in ${n} ${n === 1 ? "community" : "communities"} (${report.communities.join(", ") || "none"}) on ${where}`;
  if (report.ok) {
    process.stdout.write(`OK: every projection equals a recount of the feed: ${head}.\n`);
    return;
  }
  const lines = [`DIFFERENT: ${report.differences.length} differences between the projections and a recount of ${head}:`];
  for (const d of report.differences.slice(0, limit)) lines.push(`  ${d.what}: expected ${show(d.expected)}, stored ${show(d.actual)}`);
  if (report.differences.length > limit) lines.push(`  … and ${report.differences.length - limit} more (--limit N or --json shows them)`);
  lines.push("The feed is the truth: the projections are what differs. Keep this report for the team.");
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function open(): Promise<{ handle: DatabaseHandle; where: string; release(): void }> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return { handle: openPostgres(env.DATABASE_URL, 2), where: `PostgreSQL ${url.host}${url.pathname}`, release: () => {} };
  }
  if (!existsSync(path.resolve(env.DATA_DIR, "pglite", "PG_VERSION")))
    throw new Error(`there is no embedded database in DATA_DIR ${env.DATA_DIR}; set DATA_DIR to the server's, or DATABASE_URL`);
  let release: () => void;
  try {
    release = await lockDataDir(env.DATA_DIR);
  } catch (err) {
    throw new Error(
      `${(err as Error).message}.\nThe embedded database can be verified only while its server is stopped (PostgreSQL, through DATABASE_URL, at any time).`,
    );
  }
  return { handle: await openPglite(env.DATA_DIR), where: `the embedded database in ${env.DATA_DIR}`, release };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  const at = args.indexOf("--limit");
  const limit = at >= 0 ? Math.max(1, Number(args[at + 1]) || 50) : 50;
  let opened: Awaited<ReturnType<typeof open>>;
  try {
    opened = await open();
  } catch (err) {
    process.stderr.write(`verify: ${(err as Error).message}\n`);
    return 2;
  }
  try {
    const report = await verifyProjections(opened.handle.db);
    if (args.includes("--json")) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else print(report, opened.where, limit);
    return report.ok ? 0 : 1;
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    process.stderr.write(`verify: could not read the database: ${cause}\n(is it Cordon's, and migrated? a server start migrates it)\n`);
    return 2;
  } finally {
    await opened.handle.close().catch(() => {});
    opened.release();
  }
}

main().then((code) => process.exit(code));
