// Why: the figures the issue sets targets for, each beside its target, its floor and (latency) polling.
import { ENGINE_NAME, int, ms, p50, p99, perSecond, ratio, secs } from "./common";
import type { Results } from "./results";

const both = (xs: number[]) => `${ms(p50(xs))} / ${ms(p99(xs))} ms`;
const kib = (n: number) => `${n.toFixed(1)} KiB`;
const kB = (bytes: number) => `${int(bytes / 1000)} KB`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const times = (x: number) => `${ratio(x)} ×`;

/** One row a figure and engine: what, engine, measured, vs floor, vs polling, target, met. */
export function targets(r: Results): string[][] {
  const rows: string[][] = [];
  const floors = r.dbFloors;
  const polling = r.polling ? { p50: p50(r.polling.staleness), p99: p99(r.polling.staleness) } : null;
  for (const e of r.engines) {
    const c = r.cordon[e];
    const f = floors[e];
    const name = ENGINE_NAME[e];
    if (c) {
      const single = c.single32.eventsPerSecond;
      const floor = e === "postgres" ? f?.single32 : f?.single1;
      const goal = e === "postgres" ? 3000 : 1500;
      rows.push([
        "single events, 32 concurrent posters",
        name,
        perSecond(single),
        floor
          ? `= ${times(single / floor)} floor ${perSecond(floor)} (bare insert + commit, ${e === "postgres" ? "32 connections" : "in-process"})`
          : "",
        "",
        `≥ ${int(goal)}/s`,
        mark(single >= goal),
      ]);
      const batch = c.batch1000.eventsPerSecond;
      const bGoal = e === "postgres" ? 50_000 : 20_000;
      rows.push([
        "batches of 1,000 (1 poster)",
        name,
        perSecond(batch),
        f ? `= ${times(batch / f.batch1000)} floor ${perSecond(f.batch1000)} (bare 1,000-row insert + commit)` : "",
        "",
        `≥ ${int(bGoal)}/s`,
        mark(batch >= bGoal),
      ]);
    }
    const imp = r.imports[e];
    if (imp)
      rows.push([
        "registry import of 5,000 households, file to last row",
        name,
        secs(imp.toLastRowMs),
        "",
        "",
        "≤ 2 s",
        mark(imp.toLastRowMs <= 2000),
      ]);
    if (c) {
      const lat = c.push.toAll;
      const fl = r.pushFloor?.postToAll;
      rows.push([
        `POST → all ${c.push.subscribers} subscribers hold the seq, quiet feed, p50 / p99`,
        name,
        both(lat),
        fl ? `= ${ratio(p50(lat) / p50(fl))} / ${times(p99(lat) / p99(fl))} floor ${both(fl)} (bare Socket.IO)` : "",
        polling
          ? `= ${ratio(p50(lat) / polling.p50)} / ${times(p99(lat) / polling.p99)} polling ${ms(polling.p50)} / ${ms(polling.p99)} ms`
          : "",
        "p50 ≤ 8 ms, p99 ≤ 20 ms",
        mark(p50(lat) <= 8 && p99(lat) <= 20),
      ]);
    }
  }
  const lf = r.longFeed;
  if (lf) {
    const fl = r.pushFloor?.get;
    rows.push([
      `/api/snapshot with ${int(lf.generated.events)} events in the feed, p50 (p99)`,
      "PostgreSQL",
      `${ms(p50(lf.snapshot))} ms (${ms(p99(lf.snapshot))} ms)`,
      fl ? `= ${times(p50(lf.snapshot) / p50(fl))} floor ${ms(p50(fl))} ms (bare HTTP GET)` : "",
      "",
      "p50 ≤ 5 ms",
      mark(p50(lf.snapshot) <= 5),
    ]);
  }
  const m = r.many;
  if (m) {
    const each = (m.cordon.rssAfterKiB - m.cordon.rssBeforeKiB) / m.subscribers;
    const floor = (m.floor.rssAfterKiB - m.floor.rssBeforeKiB) / m.subscribers;
    rows.push([
      "subscribers held by one node, memory each",
      ENGINE_NAME[m.engine],
      `${int(m.subscribers)} at ${kib(each)}`,
      `= ${times(each / floor)} floor ${kib(floor)} (bare Socket.IO)`,
      "",
      "10,000 at ≤ 20 KiB",
      mark(m.subscribers >= 10_000 && each <= 20),
    ]);
  }
  const w = r.wall;
  if (w) {
    rows.push([
      `/wall navigation to the eight numbers, p50 of ${w.navigations.length} cold`,
      "PGlite",
      secs(p50(w.navigations)),
      "",
      "",
      "≤ 1.0 s",
      mark(p50(w.navigations) <= 1000),
    ]);
    rows.push(["/wall JavaScript, gzipped", "", kB(w.js.gzipBytes), "", "", "≤ 150 KB", mark(w.js.gzipBytes <= 150_000)]);
  }
  return rows;
}
