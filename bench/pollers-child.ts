// Why: what a committee would otherwise run: dashboards that each poll a count(*) every few seconds, here in
// their own process over a small connection pool (as a dashboard server would), every answer noted with its time.
import postgres from "postgres";
import { serveParent } from "./child";
import { now } from "./common";

export interface Poll {
  dashboard: number;
  /** When the answer was in. */
  at: number;
  value: number;
  ms: number;
}

let sql: postgres.Sql | null = null;
const timers: NodeJS.Timeout[] = [];
const inFlight = new Set<Promise<unknown>>();
const polls: Poll[] = [];
let stopped = false;

serveParent({
  start(a: { databaseUrl: string; dashboards: number; intervalMs: number; query: string; connections: number }) {
    const db = postgres(a.databaseUrl, { max: a.connections, onnotice: () => {} });
    sql = db;
    const poll = (dashboard: number) => {
      if (stopped) return;
      const t = now();
      const p = db
        .unsafe(a.query, [], { prepare: true })
        .then((rows) => polls.push({ dashboard, at: now(), value: Number(rows[0]?.n), ms: now() - t }))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    // Each dashboard opened at its own moment within the first interval, as screens in different offices would be.
    for (let d = 0; d < a.dashboards; d++) {
      const phase = (d / a.dashboards) * a.intervalMs;
      timers.push(
        setTimeout(() => {
          poll(d);
          timers.push(setInterval(() => poll(d), a.intervalMs));
        }, phase),
      );
    }
    return true;
  },
  async stop() {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await Promise.allSettled([...inFlight]);
    await sql?.end({ timeout: 5 });
    return polls;
  },
});
