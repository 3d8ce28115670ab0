// Why: what every part of `npm run bench` shares: the run's size, number formats, percentiles, and a server per engine.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { ADMIN_URL, freshPostgresDatabase } from "../tests/support/db";
import { freePort, type Spawned, spawnServer } from "../tests/support/spawn";

export type Engine = "pglite" | "postgres";
export const ENGINE_NAME: Record<Engine, string> = { postgres: "PostgreSQL", pglite: "PGlite" };
export const ADMIN = "bench-admin-token-0123456789";
/** `--quick`: the same parts, small and short, for a smoke check in a few minutes. */
export const QUICK = process.argv.includes("--quick");
/** `full` in a full run, `quick` with --quick. */
export const size = <T>(full: T, quick: T): T => (QUICK ? quick : full);

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on this machine. */
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}
export const p50 = (xs: number[]) => pct(xs, 50);
export const p99 = (xs: number[]) => pct(xs, 99);

/** 12,345 */
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en") : "–");
/** Milliseconds with the digits that matter: 0.42, 8.1, 2,480. */
export const ms = (n: number) => (!Number.isFinite(n) ? "–" : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : int(n));
export const secs = (msN: number) => `${(msN / 1000).toFixed(msN < 10_000 ? 2 : 1)} s`;
/** A ratio: 0.018, 0.18, 4.2, 230. */
export const ratio = (n: number) => (!Number.isFinite(n) ? "–" : n < 0.01 ? n.toPrecision(2) : n < 10 ? n.toFixed(n < 1 ? 2 : 1) : int(n));
export const perSecond = (n: number) => `${int(n)}/s`;

/** A process's resident memory in KiB, from /proc. */
export function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN);
}

export interface BenchServer {
  engine: Engine;
  url: string;
  pid: number;
  /** The PostgreSQL database behind it (postgres engine). */
  databaseUrl?: string;
  spawned: Spawned;
  /** Stops the process and starts it again on the same data (and the same port). */
  restart(extra?: Record<string, string>): Promise<number>;
  /** Stops the process, drops its database, removes its files. */
  dispose(): Promise<void>;
}

/** The environment every benchmark server gets: API only, quiet, limits out of the way of a load generator. */
export function serverEnv(dataDir: string, databaseUrl?: string): Record<string, string> {
  return {
    PORT: freePort(),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_TOKEN: ADMIN,
    DEMO: "0",
    UI: "0",
    LOG_LEVEL: "warn",
    RATE_LIMIT: "100000000",
    AUTH_FAILURE_LIMIT: "100000",
    HEALTH_RATE_LIMIT: "100000",
    SOCKETS_PER_TOKEN: "1000000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** Servers still running when the benchmark process exits are killed with it. */
const alive = new Set<Spawned>();
process.on("exit", () => {
  for (const s of alive) s.child.kill("SIGKILL");
});

/** Drops the PostgreSQL databases this process made (freshPostgresDatabase names them after its pid): after an interrupt. */
export async function dropOwnDatabases(): Promise<void> {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<
      { name: string }[]
    >`select datname as name from pg_database where starts_with(datname, ${`cordon_test_${process.pid}_`})`;
    for (const r of rows) await sql.unsafe(`drop database if exists "${r.name}" with (force)`);
  } finally {
    await sql.end();
  }
}

/** spawnServer, once more after a pause when the first start fails (the server's code may be mid-edit). */
async function spawnRetrying(env: Record<string, string>): Promise<Spawned> {
  let s: Spawned;
  try {
    s = await spawnServer(env, 120_000);
  } catch (err) {
    console.warn(`  (server did not start: ${(err as Error).message.split("\n").slice(0, 3).join(" ")}; retrying in 30 s)`);
    await sleep(30_000);
    s = await spawnServer(env, 120_000);
  }
  alive.add(s);
  s.child.once("exit", () => alive.delete(s));
  return s;
}

/**
 * The real server (`tsx server/index.ts`) as its own process on a new database of `engine`;
 * `databaseUrl` points it at an existing PostgreSQL database (through a relay, say) instead.
 */
export async function startServer(
  engine: Engine,
  extra: Record<string, string> = {},
  opts: { databaseUrl?: string; dropDatabase?: () => Promise<void> } = {},
): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cordon-bench-"));
  const pg = engine === "postgres" && !opts.databaseUrl ? await freshPostgresDatabase() : null;
  const databaseUrl = opts.databaseUrl ?? pg?.url;
  const env = { ...serverEnv(dataDir, engine === "postgres" ? databaseUrl : undefined), ...extra };
  let spawned: Spawned;
  try {
    spawned = await spawnRetrying(env);
  } catch (err) {
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const server: BenchServer = {
    engine,
    url: spawned.url,
    pid: spawned.child.pid ?? 0,
    databaseUrl,
    spawned,
    async restart(more = {}) {
      await server.spawned.stop();
      const t = now();
      server.spawned = await spawnRetrying({ ...env, ...more });
      server.pid = server.spawned.child.pid ?? 0;
      return now() - t;
    },
    async dispose() {
      await server.spawned.stop();
      await pg?.drop();
      await opts.dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A call to the server's API with the secretary's token; throws unless the answer is 2xx. */
export async function api<T = any>(url: string, pathname: string, body?: unknown, token = ADMIN): Promise<T> {
  const r = await fetch(`${url}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${body === undefined ? "GET" : "POST"} ${pathname}: ${r.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** POSTs events (one or a batch) and returns the last seq. */
export async function postEvents(url: string, events: unknown[]): Promise<number> {
  const r = await api<{ accepted: { seq: number }[] }>(url, "/api/events", events.length === 1 ? events[0] : { events });
  return r.accepted.at(-1)?.seq ?? 0;
}

/** A compound to post against: buildings, households, volunteers and an open round, registered through the API. */
export function compound(buildings: number, perBuilding: number, volunteers = 0, community = "default"): unknown[] {
  const out: unknown[] = [];
  for (let b = 0; b < buildings; b++) {
    out.push({ type: "building.registered", community, payload: { buildingId: `b${b}`, label: `${b + 1}号楼` } });
    for (let u = 0; u < perBuilding; u++)
      out.push({
        type: "household.registered",
        community,
        payload: { householdId: `h${b}-${u}`, buildingId: `b${b}`, unit: `${101 + u}`, residents: 1 + (u % 4) },
      });
  }
  for (let v = 0; v < volunteers; v++)
    out.push({ type: "volunteer.registered", community, payload: { volunteerId: `v${v}`, name: `V${v}`, skills: [] } });
  out.push({ type: "round.opened", community, payload: { roundId: "r1", kind: "antigen" } });
  return out;
}

/** Posts `events` in batches of 1,000. */
export async function seed(url: string, events: unknown[]): Promise<number> {
  let seq = 0;
  for (let i = 0; i < events.length; i += 1000) seq = await postEvents(url, events.slice(i, i + 1000));
  return seq;
}

/**
 * Starts a meter of the CPU time the host takes from this machine's cores ("steal" in /proc/stat):
 * the function it returns gives the share of all the cores' time taken since the start. On a
 * shared virtual machine, a figure measured while the host takes a tenth or more is low for a
 * reason the code cannot help. NaN where there is no /proc/stat.
 */
export function stealMeter(): () => number {
  const read = () => {
    try {
      const f = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/) ?? [];
      const ticks = f.slice(1, 9).map(Number);
      return { steal: ticks[7] ?? Number.NaN, total: ticks.reduce((a, b) => a + b, 0) };
    } catch {
      return { steal: Number.NaN, total: Number.NaN };
    }
  };
  const a = read();
  return () => {
    const b = read();
    return b.total > a.total ? (b.steal - a.steal) / (b.total - a.total) : Number.NaN;
  };
}

/** The machine, for the report's header. */
export function machine(): { cpu: string; cores: number; ramGiB: number; node: string } {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "cpu",
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}
