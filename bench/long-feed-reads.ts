// Why: the reads that must cost the same at any feed length, timed on a feed of millions of events (bench/long-feed.ts).
import { freshPostgresDatabase } from "../tests/support/db";
import { api, compound, int, now, seed, startServer } from "./common";
import { getTimes } from "./http-load";
import { type Generated, generateFeed } from "./long-feed";

export interface LongFeedResult {
  generated: Generated;
  /** The server's start on the long feed, until /api/health answers. */
  startMs: number;
  head: number;
  snapshot: number[];
  /** GET /api/events?after=<head − 100>&limit=100 */
  eventsAfter: number[];
  /** GET /api/history of one household of the archive, and how many events it has. */
  history: { times: number[]; events: number };
}

export async function benchLongFeed(count: number, log: (s: string) => void): Promise<LongFeedResult> {
  const fresh = await freshPostgresDatabase();
  try {
    log(`generating ${int(count)} events in SQL`);
    const generated = await generateFeed(fresh.url, count);
    log(`  ${(generated.ms / 1000).toFixed(1)} s; starting the server on it`);
    const t = now();
    const server = await startServer("postgres", {}, { databaseUrl: fresh.url });
    const startMs = now() - t;
    try {
      const head = await seed(server.url, compound(10, 10, 20));
      const snapshot = await getTimes(server.url, "/api/snapshot?community=default", 500);
      const eventsAfter = await getTimes(server.url, `/api/events?after=${head - 100}&limit=100`, 200);
      const historyPath = "/api/history?community=archive&entity=household&id=h4242";
      const events = (await api<{ events: unknown[] }>(server.url, historyPath)).events.length;
      const history = { times: await getTimes(server.url, historyPath, 200), events };
      return { generated, startMs, head, snapshot, eventsAfter, history };
    } finally {
      await server.dispose();
    }
  } finally {
    await fresh.drop();
  }
}
