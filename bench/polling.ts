// Why: what a committee would otherwise use, measured against the same database in the same minute as Cordon's push:
// 200 dashboards polling a count(*) of tested households every 5 s. Staleness: from a POST's 201 until a dashboard's
// poll shows it. Load: statements and their time at the wire (bench/pg-relay.ts), for the pollers and for Cordon.
import { freshPostgresDatabase } from "../tests/support/db";
import { startChild } from "./child";
import { ADMIN, compound, now, postEvents, seed, size, sleep, startServer } from "./common";
import { PgRelay, type StatementTally } from "./pg-relay";
import type { Poll } from "./pollers-child";
import { openSubscribers } from "./subscribers";

export const DASHBOARDS = 200;
export const POLL_MS = 5000;
const QUERY = "select count(*)::int as n from round_tests where community = 'default' and round_id = 'r1' and tested_at is not null";

export interface Load {
  seconds: number;
  tally: StatementTally[];
}
export interface PollingResult {
  dashboards: number;
  pollMs: number;
  query: string;
  /** From each POST's 201 until each dashboard's first poll showing it (ms). */
  staleness: number[];
  changes: number;
  changesPerSecond: number;
  pollers: Load;
  /** Cordon's node with the same subscribers: idle (no posts), then while the changes were posted. */
  cordonIdle: Load;
  cordonBusy: Load;
  subscribers: number;
}

export async function benchPolling(subscribers: number, log: (s: string) => void): Promise<PollingResult> {
  const fresh = await freshPostgresDatabase();
  const cordonRelay = await PgRelay.start(fresh.url);
  const pollRelay = await PgRelay.start(fresh.url);
  const server = await startServer("postgres", {}, { databaseUrl: cordonRelay.url, dropDatabase: () => fresh.drop() });
  const pollers = startChild("pollers-child.ts");
  try {
    // A compound of 1,400 households in 40 buildings, a round open.
    await seed(server.url, compound(40, 35, 100));
    const subs = await openSubscribers(server.url, ADMIN, subscribers);
    try {
      await pollers.call("start", {
        databaseUrl: pollRelay.url,
        dashboards: DASHBOARDS,
        intervalMs: POLL_MS,
        query: QUERY,
        connections: 10,
      });
      await sleep(POLL_MS + 500);

      log("idle node");
      cordonRelay.reset();
      let t = now();
      await sleep(size(10_000, 5000));
      const cordonIdle = { seconds: (now() - t) / 1000, tally: cordonRelay.tally() };

      log("one household tested a second");
      cordonRelay.reset();
      pollRelay.reset();
      t = now();
      const posted: { at: number; value: number }[] = [];
      const seconds = size(40, 15);
      for (let i = 0; i < seconds; i++) {
        const due = t + i * 1000;
        await sleep(Math.max(0, due - now()));
        await postEvents(server.url, [
          { type: "household.tested", payload: { roundId: "r1", householdId: `h${i % 40}-${Math.floor(i / 40)}` } },
        ]);
        posted.push({ at: now(), value: i + 1 });
      }
      await sleep(Math.max(0, t + seconds * 1000 - now()));
      const busySeconds = (now() - t) / 1000;
      const cordonBusy = { seconds: busySeconds, tally: cordonRelay.tally() };
      const pollLoad = { seconds: busySeconds, tally: pollRelay.tally() };
      await sleep(POLL_MS + 1000);
      const polls = await pollers.call<Poll[]>("stop");
      return {
        dashboards: DASHBOARDS,
        pollMs: POLL_MS,
        query: QUERY,
        staleness: staleness(posted, polls),
        changes: posted.length,
        changesPerSecond: posted.length / busySeconds,
        pollers: pollLoad,
        cordonIdle,
        cordonBusy,
        subscribers,
      };
    } finally {
      await subs.close();
    }
  } finally {
    await pollers.close();
    await server.dispose();
    await cordonRelay.close();
    await pollRelay.close();
  }
}

/** For every change and every dashboard: its first poll that shows the change, minus the change's 201. */
function staleness(posted: { at: number; value: number }[], polls: Poll[]): number[] {
  const byDashboard = new Map<number, Poll[]>();
  for (const p of polls) byDashboard.set(p.dashboard, [...(byDashboard.get(p.dashboard) ?? []), p]);
  const out: number[] = [];
  for (const list of byDashboard.values()) {
    list.sort((a, b) => a.at - b.at);
    for (const change of posted) {
      const seen = list.find((p) => p.value >= change.value);
      if (seen) out.push(seen.at - change.at);
    }
  }
  return out;
}
