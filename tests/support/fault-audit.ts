// What must hold after every fault: each 201 in the feed once, no seq gap, every subscriber converged, projections equal a recount.
import { expect } from "vitest";
import type { VerifyReport } from "../../server/ops/verify";
import type { Snapshot } from "../../server/protocol/state";
import { expectConverged, type Watchers } from "./fault-watchers";
import { FAULT_ADMIN, type Writers } from "./fault-writers";

/** The whole feed through GET /api/events, page by page. */
export async function readWholeFeed(url: string, token = FAULT_ADMIN): Promise<{ seq: number; id: string }[]> {
  const all: { seq: number; id: string }[] = [];
  for (let after = 0; ; ) {
    const r = await fetch(`${url}/api/events?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const page = (await r.json()) as { events: { seq: number; id: string }[]; next: number | null };
    all.push(...page.events.map(({ seq, id }) => ({ seq, id })));
    if (page.next === null) return all;
    after = page.next;
  }
}

/** GET /api/snapshot of the default community. */
export async function snapshotOf(url: string, token = FAULT_ADMIN) {
  const r = await fetch(`${url}/api/snapshot?community=default`, { headers: { authorization: `Bearer ${token}` } });
  expect(r.status).toBe(200);
  return (await r.json()) as Snapshot;
}

/**
 * Once the writers have stopped: every subscriber converges within 3 s by itself, every id answered
 * 201 is in the feed exactly once, seq runs 1..N with no gap, and `recount()` (verifyProjections on
 * the same database) finds no difference.
 */
export async function expectSound(opts: { url: string; writers: Writers; watchers: Watchers; recount?: () => Promise<VerifyReport> }) {
  await expectConverged(opts.watchers, () => snapshotOf(opts.url));

  const feed = await readWholeFeed(opts.url);
  const gaps = feed.filter((e, i) => e.seq !== i + 1).slice(0, 5);
  expect(gaps, "seq must run 1..N with no gap").toEqual([]);
  const times = new Map<string, number>();
  for (const e of feed) times.set(e.id, (times.get(e.id) ?? 0) + 1);
  const wrong = [...opts.writers.acked].filter((id) => times.get(id) !== 1).map((id) => `${id}: ${times.get(id) ?? 0} times`);
  expect(wrong.slice(0, 10), `of ${opts.writers.acked.size} events answered 201, these are not in the feed exactly once`).toEqual([]);
  expect(opts.writers.refused, "answers a resend cannot fix (4xx)").toEqual([]);

  if (opts.recount) {
    const report = await opts.recount();
    expect(report.differences.slice(0, 10), "projections against a recount of the feed").toEqual([]);
    expect(report.events).toBe(feed.length);
  }
}
