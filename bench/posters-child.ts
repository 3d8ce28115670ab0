// Why: the HTTP load generator, in its own process with keep-alive connections, so the benchmark process
// is never the client that limits a figure; it reports its own CPU time so a reader can tell.
import http from "node:http";
import { serveParent } from "./child";
import { now, p50, p99 } from "./common";

interface Target {
  url: string;
  token: string;
}
const agents = new Map<number, http.Agent>();
const agent = (n: number) => agents.get(n) ?? agents.set(n, new http.Agent({ keepAlive: true, maxSockets: n })).get(n)!;

function request(t: Target, method: string, pathname: string, body: string | undefined, a: http.Agent) {
  const u = new URL(pathname, t.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method,
        agent: a,
        headers: {
          authorization: `Bearer ${t.token}`,
          ...(body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

let n = 0;
const volunteer = () => ({ type: "volunteer.registered", payload: { volunteerId: `p${process.pid}-${n++}`, name: "n", skills: [] } });

serveParent({
  /**
   * `concurrency` posters, each POSTing one event (or `batch` events) and the next as soon as the
   * answer is in, for `durationMs`; counted after `warmupMs`.
   */
  async run(a: Target & { path?: string; concurrency: number; batch?: number; durationMs: number; warmupMs: number }) {
    const ag = agent(a.concurrency);
    const start = now();
    const from = start + a.warmupMs;
    const end = from + a.durationMs;
    const cpu0 = process.cpuUsage();
    let events = 0;
    let requests = 0;
    const latencies: number[] = [];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: a.concurrency }, async () => {
        while (now() < end && failures.length < 5) {
          const body = JSON.stringify(a.batch ? { events: Array.from({ length: a.batch }, volunteer) } : volunteer());
          const t = now();
          const r = await request(a, "POST", a.path ?? "/api/events", body, ag).catch((e: Error) => ({ status: 0, text: e.message }));
          const done = now();
          if (r.status !== 201) failures.push(`${r.status} ${r.text.slice(0, 200)}`);
          // Counted by when the answer came: whatever finished inside the window.
          else if (done >= from && done <= end) {
            requests++;
            events += a.batch ?? 1;
            latencies.push(done - t);
          }
        }
      }),
    );
    if (failures.length) throw new Error(`posts failed: ${failures.join(" | ")}`);
    const cpu = process.cpuUsage(cpu0);
    const seconds = a.durationMs / 1000;
    return {
      eventsPerSecond: events / seconds,
      requestsPerSecond: requests / seconds,
      p50: p50(latencies),
      p99: p99(latencies),
      /** The generator's CPU time as a share of one core over the whole run. */
      clientCpu: (cpu.user + cpu.system) / 1000 / (now() - start),
    };
  },
  /** `count` GETs of `path`, one after the other: each one's milliseconds (after `warmup` unmeasured ones). */
  async get(a: Target & { path: string; count: number; warmup?: number }) {
    const ag = agent(1);
    const out: number[] = [];
    for (let i = -(a.warmup ?? 20); i < a.count; i++) {
      const t = now();
      const r = await request(a, "GET", a.path, undefined, ag);
      if (r.status !== 200) throw new Error(`GET ${a.path}: ${r.status} ${r.text.slice(0, 200)}`);
      if (i >= 0) out.push(now() - t);
    }
    return out;
  },
});
