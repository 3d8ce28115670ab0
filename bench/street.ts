// Why: the street office at scale (issue 19): a street of compounds registered through the API on PostgreSQL, events
// spread over them at a steady rate, and how stale a street wall's socket and each compound's wall socket run, what
// each node costs, and how fast the snapshot and /api/street answer under that load; on one node, then two behind HAProxy.
import { readFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { freshPostgresDatabase } from "../tests/support/db";
import { findBinary, loopbackPorts, startHaproxy } from "../tests/support/proxies";
import { type Child, startChild } from "./child";
import { ADMIN, api, type BenchServer, now, p50, p99, seed, size, sleep, startServer, stealMeter } from "./common";

export interface Staleness {
  p50: number;
  p99: number;
  max: number;
  /** Accepted events measured, and those never seen (a socket's last seq stayed below). */
  n: number;
  missed: number;
}
export interface StreetPhase {
  nodes: number;
  rate: number;
  seconds: number;
  eventsPerSecond: number;
  failed: number;
  /** Whether the load was held back at its cap of unanswered posts (the server fell behind the rate). */
  heldBack: boolean;
  postP50: number;
  postP99: number;
  clientCpu: number;
  street: Staleness;
  walls: Staleness;
  perNode: { rssMiB: number; peakMiB: number; cpu: number }[];
  snapshot: number[];
  streetApi: number[];
  streetBytes: number;
  pgConnections: number;
  /** PostgreSQL's backends of this database: their CPU over the phase, as a share of one core. */
  pgCpu: number;
  /** False for the baseline: the same load with no socket open, so no push is read. */
  watched: boolean;
  steal: number;
  load: number;
}
export interface StreetResult {
  compounds: number;
  households: number;
  volunteers: number;
  rate: number;
  registered: number;
  registerMs: number;
  phases: StreetPhase[];
  /** Why a phase did not run (no HAProxy, say). */
  skipped: string[];
}

const ID = (i: number) => `s${String(i).padStart(2, "0")}`;
const PER_BUILDING = 34;

/** One compound as a street office would register it: its name, buildings, households, volunteers, posts' minimums, a round. */
function compoundEvents(community: string, index: number, households: number, volunteers: number): unknown[] {
  const e = (type: string, payload: object) => ({ type, community, payload });
  const out: unknown[] = [e("community.named", { name: `第${index + 1}社区` })];
  const buildings = Math.ceil(households / PER_BUILDING);
  for (let b = 0; b < buildings; b++) out.push(e("building.registered", { buildingId: `b${b}`, label: `${b + 1}号楼` }));
  for (let h = 0; h < households; h++)
    out.push(
      e("household.registered", {
        householdId: `h${h}`,
        buildingId: `b${Math.floor(h / PER_BUILDING)}`,
        unit: `${101 + (h % PER_BUILDING)}`,
        residents: 1 + (h % 4),
      }),
    );
  for (let v = 0; v < volunteers; v++) out.push(e("volunteer.registered", { volunteerId: `v${v}`, name: `V${v}`, skills: [] }));
  out.push(e("post.minimum_set", { post: "gate", minimum: 4 }), e("post.minimum_set", { post: "testing", minimum: 8 }));
  out.push(e("round.opened", { roundId: "r1", kind: "pcr" }));
  return out;
}

/** A process's CPU time (user + system), in ms, from /proc. */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}
/** cpuMs, or 0 for a process gone meanwhile. */
function cpuOf(pid: number): number {
  try {
    return cpuMs(pid);
  } catch {
    return 0;
  }
}
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN) / 1024;

/** For each accepted event, the first message on a socket of `tag` that carried its compound at that seq or later. */
function staleness(accepted: [string, number, number][], seen: [string, number, number, 0 | 1][], tag: 0 | 1): Staleness {
  const by = new Map<string, { seq: number; at: number }[]>();
  for (const [c, seq, at, t] of seen) {
    if (t !== tag) continue;
    const list = by.get(c) ?? [];
    by.set(c, list);
    list.push({ seq, at });
  }
  // Sorted by time, seqs made non-decreasing (an older message arriving later never un-sees a newer seq).
  for (const list of by.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let i = 1; i < list.length; i++) list[i]!.seq = Math.max(list[i]!.seq, list[i - 1]!.seq);
  }
  const out: number[] = [];
  let missed = 0;
  for (const [c, seq, at] of accepted) {
    const list = by.get(c) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.seq >= seq) hi = mid;
      else lo = mid + 1;
    }
    if (lo === list.length) missed++;
    else out.push(Math.max(0, list[lo]!.at - at));
  }
  return { p50: p50(out), p99: p99(out), max: Math.max(...out, 0), n: out.length, missed };
}

async function phase(
  url: string,
  nodes: BenchServer[],
  tokens: { street: string; walls: { community: string; token: string }[] },
  shape: { communities: string[]; households: number; volunteers: number; rate: number; durationMs: number },
  pg: { connections(): Promise<number>; pids(): Promise<number[]> },
  log: (s: string) => void,
  /** The load's process, kept from one phase to the next: it knows which volunteers are on duty and who was swabbed. */
  poster: Child,
  watch = true,
): Promise<StreetPhase> {
  const watcher = startChild("street-child.ts");
  const getter = startChild("posters-child.ts");
  const stolen = stealMeter();
  try {
    log(
      `  ${nodes.length} node${nodes.length > 1 ? "s" : ""}: ${watch ? tokens.walls.length + 1 : "no"} wall sockets, ${shape.rate} events/s for ${shape.durationMs / 1000} s`,
    );
    if (watch) await watcher.call("watch", { url, streetToken: tokens.street, walls: tokens.walls });
    await sleep(2000);
    await watcher.call("take");
    const cpu0 = nodes.map((n) => cpuMs(n.pid));
    const pgCpu0 = new Map((await pg.pids()).map((pid) => [pid, cpuOf(pid)]));
    const peaks = nodes.map((n) => rssMiB(n.pid));
    const sampler = setInterval(() => {
      for (const [i, n] of nodes.entries()) peaks[i] = Math.max(peaks[i]!, rssMiB(n.pid));
    }, 1000);
    const t0 = now();
    const load = poster.call<{
      accepted: [string, number, number][];
      failed: number;
      capped: number;
      failures: string[];
      eventsPerSecond: number;
      postP50: number;
      postP99: number;
      clientCpu: number;
    }>("post", { url, token: ADMIN, ...shape });
    // Reads under load, after the load has settled: a wall's snapshot (its display token), then the street's answer.
    await sleep(Math.min(5000, shape.durationMs / 4));
    const wall0 = tokens.walls[0]!;
    const snapshot = await getter.call<number[]>("get", {
      url,
      token: wall0.token,
      path: `/api/snapshot?community=${wall0.community}`,
      count: size(300, 40),
      warmup: 5,
    });
    const streetApi = await getter.call<number[]>("get", {
      url,
      token: tokens.street,
      path: "/api/street",
      count: size(60, 10),
      warmup: 3,
    });
    const posted = await load;
    const seconds = (now() - t0) / 1000;
    clearInterval(sampler);
    const perNode = nodes.map((n, i) => ({ rssMiB: rssMiB(n.pid), peakMiB: peaks[i]!, cpu: (cpuMs(n.pid) - cpu0[i]!) / 1000 / seconds }));
    const connections = await pg.connections();
    const pgCpu = (await pg.pids()).reduce((sum, pid) => sum + cpuOf(pid) - (pgCpu0.get(pid) ?? 0), 0) / 1000 / seconds;
    await sleep(2000);
    const seen = await watcher.call<[string, number, number, 0 | 1][]>("take");
    const streetBytes = Buffer.byteLength(JSON.stringify(await api(url, "/api/street", undefined, tokens.street)));
    if (posted.failed) log(`  ${posted.failed} posts failed: ${posted.failures.join(" | ")}`);
    const result: StreetPhase = {
      nodes: nodes.length,
      rate: shape.rate,
      seconds,
      eventsPerSecond: posted.eventsPerSecond,
      failed: posted.failed,
      heldBack: posted.capped > 0,
      postP50: posted.postP50,
      postP99: posted.postP99,
      clientCpu: posted.clientCpu,
      street: staleness(posted.accepted, seen, 0),
      walls: staleness(posted.accepted, seen, 1),
      perNode,
      snapshot,
      streetApi,
      streetBytes,
      pgConnections: connections,
      pgCpu,
      watched: watch,
      steal: stolen(),
      load: os.loadavg()[0] ?? 0,
    };
    if (watch)
      log(
        `  street wall p50/p99 ${result.street.p50.toFixed(0)}/${result.street.p99.toFixed(0)} ms, compound walls ${result.walls.p50.toFixed(0)}/${result.walls.p99.toFixed(0)} ms; /api/street p50 ${p50(streetApi).toFixed(0)} ms`,
      );
    return result;
  } finally {
    await watcher.call("close").catch(() => {});
    await Promise.all([watcher.close(), getter.close()]);
  }
}

export async function benchStreet(log: (s: string) => void): Promise<StreetResult> {
  const compounds = size(50, 10);
  const households = size(1383, 300);
  const volunteers = size(160, 40);
  const rate = size(200, 100);
  const durationMs = size(120_000, 10_000);
  const communities = Array.from({ length: compounds }, (_, i) => ID(i));
  const pg = await freshPostgresDatabase();
  const dbName = new URL(pg.url).pathname.slice(1);
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  const pgInfo = {
    connections: async () =>
      Number((await admin`select count(*)::int as n from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`)[0]?.n),
    pids: async () =>
      (await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`).map(
        (r) => r.pid,
      ),
  };
  const servers: BenchServer[] = [];
  const skipped: string[] = [];
  let balancer: Awaited<ReturnType<typeof startHaproxy>> | null = null;
  const poster = startChild("street-child.ts");
  try {
    const a = await startServer("postgres", {}, { databaseUrl: pg.url });
    servers.push(a);
    log(`registering ${compounds} compounds of ${households} households and ${volunteers} volunteers through POST /api/events`);
    const t = now();
    let registered = 0;
    for (const [i, c] of communities.entries()) {
      const events = compoundEvents(c, i, households, volunteers);
      registered += events.length;
      await seed(a.url, events);
    }
    const registerMs = now() - t;
    log(`  ${registered.toLocaleString("en")} events in ${(registerMs / 1000).toFixed(1)} s`);
    const street = (await api<{ token: string }>(a.url, "/api/tokens", { role: "street", label: "street office", communities })).token;
    const walls: { community: string; token: string }[] = [];
    for (const c of communities)
      walls.push({
        community: c,
        token: (await api<{ token: string }>(a.url, "/api/tokens", { role: "display", label: "wall", community: c })).token,
      });
    const tokens = { street, walls };
    const shape = { communities, households, volunteers, rate, durationMs };
    // First the writes alone (no socket, so nothing read for a push): what this machine accepts at all.
    const phases = [await phase(a.url, [a], tokens, { ...shape, durationMs: size(40_000, 5000) }, pgInfo, log, poster, false)];
    phases.push(await phase(a.url, [a], tokens, shape, pgInfo, log, poster));
    if (!findBinary("haproxy")) skipped.push("two nodes: HAProxy is not installed");
    else {
      const b = await startServer("postgres", {}, { databaseUrl: pg.url });
      servers.push(b);
      const [port] = await loopbackPorts(1);
      const portOf = (s: BenchServer) => Number(new URL(s.url).port);
      balancer = await startHaproxy(port!, [
        { name: "a", port: portOf(a) },
        { name: "b", port: portOf(b) },
      ]);
      phases.push(await phase(balancer.url, [a, b], tokens, shape, pgInfo, log, poster));
    }
    return { compounds, households, volunteers, rate, registered, registerMs, phases, skipped };
  } finally {
    await poster.close();
    await balancer?.stop();
    for (const s of servers) await s.dispose();
    await admin.end();
    await pg.drop();
  }
}
