// Why: Cordon's own figures on one engine: start-up, single events from 32 posters, batches of 1,000, and a POST
// until every one of 200 subscribers holds its seq on a quiet feed. The real server, as its own process.
import { ADMIN, type Engine, now, p50, postEvents, size, sleep, startServer } from "./common";
import { getTimes, type PostLoad, postLoad } from "./http-load";
import { openSubscribers } from "./subscribers";

export interface EngineResult {
  startNewDemoMs: number;
  startExistingMs: number;
  single32: PostLoad;
  batch1000: PostLoad;
  batch1000x4: PostLoad;
  /** POST start → all subscribers hold its seq; and the POST alone (start → 201). */
  push: { subscribers: number; connectMs: number; toAll: number[]; post: number[] };
  snapshot: { events: number; times: number[] };
}

const SUBSCRIBERS = 200;
const QUIET_GAP_MS = 150;

let n = 0;
const volunteer = () => ({ type: "volunteer.registered", payload: { volunteerId: `push${n++}`, name: "n", skills: [] } });

export async function benchEngine(engine: Engine, log: (s: string) => void): Promise<EngineResult> {
  // Start-up: a new database with the demo compound, then the same database again.
  const t = now();
  const demo = await startServer(engine, { DEMO: "1", DEMO_TICK_MS: "3600000" });
  const startNewDemoMs = now() - t;
  let startExistingMs: number;
  try {
    startExistingMs = await demo.restart();
  } finally {
    await demo.dispose();
  }

  const server = await startServer(engine);
  try {
    await postEvents(server.url, [volunteer()]);
    log("single events, 32 posters");
    const single32 = await postLoad(server.url, { concurrency: 32, durationMs: size(15_000, 4000), warmupMs: size(2000, 1000) });
    log("batches of 1,000");
    const batch1000 = await postLoad(server.url, { concurrency: 1, batch: 1000, durationMs: size(15_000, 4000), warmupMs: 1000 });
    const batch1000x4 = await postLoad(server.url, { concurrency: 4, batch: 1000, durationMs: size(10_000, 3000), warmupMs: 1000 });

    log(`POST → ${SUBSCRIBERS} subscribers, quiet feed`);
    await sleep(1000);
    const subs = await openSubscribers(server.url, ADMIN, SUBSCRIBERS);
    const toAll: number[] = [];
    const post: number[] = [];
    try {
      for (let i = 0, samples = size(300, 40); i < samples; i++) {
        const t0 = now();
        const seq = await postEvents(server.url, [volunteer()]);
        post.push(now() - t0);
        toAll.push((await subs.allHold(seq)) - t0);
        await sleep(QUIET_GAP_MS);
      }
    } finally {
      await subs.close();
    }
    const head = (await (await fetch(`${server.url}/api/health`)).json()) as { seq: number };
    const snapshot = { events: head.seq, times: await getTimes(server.url, "/api/snapshot?community=default", 500) };
    log(`  push p50 ${p50(toAll).toFixed(1)} ms`);
    return {
      startNewDemoMs,
      startExistingMs,
      single32,
      batch1000,
      batch1000x4,
      push: { subscribers: SUBSCRIBERS, connectMs: subs.connectMs, toAll, post },
      snapshot,
    };
  } finally {
    await server.dispose();
  }
}
