// Why: the run's figures as markdown tables: each target figure with its ratio to the floor and, for latency, to polling.
import { ENGINE_NAME, type Engine, int, ms, p50, p99, perSecond, secs } from "./common";
import type { ManyResult } from "./many-subscribers";
import type { Load } from "./polling";
import { targets } from "./report-targets";
import type { Results } from "./results";

const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const both = (xs: number[]) => `${ms(p50(xs))} / ${ms(p99(xs))} ms`;
const kib = (n: number) => `${n.toFixed(1)} KiB`;
const kB = (bytes: number) => `${int(bytes / 1000)} KB`;

/** Statements a second and milliseconds of database time a second, in or outside transactions. */
export function rates(load: Load, inTransaction?: boolean) {
  const picked = load.tally.filter((t) => inTransaction === undefined || t.inTransaction === inTransaction);
  return {
    perSecond: picked.reduce((s, t) => s + t.count, 0) / load.seconds,
    msPerSecond: picked.reduce((s, t) => s + t.ms, 0) / load.seconds,
  };
}

/** What Cordon's node asks of the database for each change beyond the write itself (reads that push it), and at rest. */
export function pushCost(r: NonNullable<Results["polling"]>) {
  const idle = rates(r.cordonIdle, false);
  const busy = rates(r.cordonBusy, false);
  const writes = rates(r.cordonBusy, true);
  return {
    idle,
    busy,
    writes,
    readsPerChange: (busy.perSecond - idle.perSecond) / r.changesPerSecond,
    readMsPerChange: (busy.msPerSecond - idle.msPerSecond) / r.changesPerSecond,
    writesPerChange: writes.perSecond / r.changesPerSecond,
  };
}

function floorsTable(r: Results): string {
  const f = r.dbFloors;
  const cell = (e: Engine, k: "single1" | "single32" | "notify1" | "notify32" | "batch1000") => {
    const v = f[e]?.[k];
    return v === undefined ? (f[e] ? "n/a (one connection)" : "–") : perSecond(v);
  };
  const rows = [
    ["bare insert + commit, one row a transaction, 1 connection", cell("postgres", "single1"), cell("pglite", "single1")],
    ["… 32 connections", cell("postgres", "single32"), cell("pglite", "single32")],
    ["… with a pg_notify in each commit (a listener connected), 1 connection", cell("postgres", "notify1"), cell("pglite", "notify1")],
    ["… with a pg_notify, 32 connections", cell("postgres", "notify32"), cell("pglite", "notify32")],
    ["1,000-row insert (unnest) + commit, 1 connection: rows", cell("postgres", "batch1000"), cell("pglite", "batch1000")],
  ];
  let out = table(["database floor (rows a second)", "PostgreSQL", "PGlite"], rows);
  const p = r.pushFloor;
  if (p)
    out += `\n\n${table(
      ["HTTP and push floor (no database)", "figure"],
      [
        [
          "bare node:http, 32 keep-alive posters, read the body and answer 201",
          `${perSecond(p.http.requestsPerSecond)} (POST p50 ${ms(p.http.p50)} ms; generator ${Math.round(p.http.clientCpu * 100)}% of a core)`,
        ],
        ["bare node:http GET of a small JSON, p50 / p99", both(p.get)],
        [`bare Socket.IO: POST → all ${p.subscribers} subscribers hold the seq, p50 / p99`, both(p.postToAll)],
        ["… from the emit", both(p.emitToAll)],
        ["bare Socket.IO: from the emit until 1 subscriber holds it, p50 / p99", both(p.emitToOne)],
      ],
    )}`;
  return out;
}

function cordonTable(r: Results): string {
  const es = r.engines.filter((e) => r.cordon[e]);
  const row = (what: string, f: (c: NonNullable<Results["cordon"]["postgres"]>) => string) => [what, ...es.map((e) => f(r.cordon[e]!))];
  const load = (l: { eventsPerSecond: number; p50: number; p99: number; clientCpu: number }) =>
    `${perSecond(l.eventsPerSecond)}; POST ${ms(l.p50)} / ${ms(l.p99)} ms; generator ${Math.round(l.clientCpu * 100)}% of a core`;
  return table(
    ["Cordon", ...es.map((e) => ENGINE_NAME[e])],
    [
      row("start-up, new database + demo compound", (c) => secs(c.startNewDemoMs)),
      row("start-up, existing database", (c) => secs(c.startExistingMs)),
      row("single events, 32 posters: events/s; POST p50 / p99", (c) => load(c.single32)),
      row("batches of 1,000, 1 poster", (c) => load(c.batch1000)),
      row("batches of 1,000, 4 posters", (c) => load(c.batch1000x4)),
      row("POST → all 200 subscribers hold the seq (1 event / 150 ms), p50 / p99", (c) => both(c.push.toAll)),
      row("… of which the POST until its 201, p50 / p99", (c) => both(c.push.post)),
      row("200 subscribers connected and subscribed", (c) => secs(c.push.connectMs)),
      row("GET /api/snapshot, p50 / p99 (events in the feed)", (c) => `${both(c.snapshot.times)} (${int(c.snapshot.events)})`),
    ],
  );
}

function pollingTables(r: Results): string {
  const p = r.polling!;
  const cost = pushCost(p);
  const polls = rates(p.pollers);
  const push = r.cordon.postgres?.push.toAll;
  const main = table(
    [
      "push or poll, on PostgreSQL",
      `Cordon (push to ${p.subscribers} subscribers)`,
      `polling (${p.dashboards} dashboards, a count(*) every ${p.pollMs / 1000} s)`,
    ],
    [
      [
        "a change until it is on every screen (Cordon: from the POST's start; polling: from its 201), p50 / p99",
        push ? both(push) : "–",
        `${both(p.staleness)} (${int(p.staleness.length)} samples)`,
      ],
      [
        `database statements a second at ${p.changesPerSecond.toFixed(1)} change a second`,
        `${cost.writes.perSecond.toFixed(1)} writing + ${cost.busy.perSecond.toFixed(1)} reading`,
        polls.perSecond.toFixed(1),
      ],
      [
        "database time a second (at the wire)",
        `${ms(cost.writes.msPerSecond)} ms writing + ${ms(cost.busy.msPerSecond)} ms reading`,
        `${ms(polls.msPerSecond)} ms`,
      ],
      [
        "reads per change, beyond the write",
        `${cost.readsPerChange.toFixed(1)} (${ms(cost.readMsPerChange)} ms)`,
        `${(polls.perSecond / p.changesPerSecond).toFixed(1)} (every poll, changed or not)`,
      ],
      [
        "reads a second with no change at all",
        `${cost.idle.perSecond.toFixed(1)} (${ms(cost.idle.msPerSecond)} ms)`,
        polls.perSecond.toFixed(1),
      ],
    ],
  );
  const labels = new Map<string, [number, number]>();
  for (const [i, l] of [p.cordonIdle, p.cordonBusy].entries())
    for (const t of l.tally.filter((x) => !x.inTransaction)) {
      const v = labels.get(t.label) ?? [0, 0];
      v[i] = t.count / l.seconds;
      labels.set(t.label, v);
    }
  const reads = table(
    ["Cordon's reads outside transactions (statement)", "a second, idle", "a second, 1 change/s"],
    [...labels].sort((a, b) => b[1][1] - a[1][1]).map(([label, [idle, busy]]) => [`\`${label}\``, idle.toFixed(2), busy.toFixed(2)]),
  );
  return `${main}\n\n${reads}`;
}

function longFeedTable(r: Results): string {
  const lf = r.longFeed!;
  const g = lf.generated;
  return table(
    [`a feed of ${int(g.events)} events, PostgreSQL`, "figure"],
    [
      [
        "generated in SQL (insert … select generate_series; indexes dropped and rebuilt)",
        `${secs(g.ms)} (insert ${secs(g.insertMs)}, indexes + analyze ${secs(g.indexMs)}); database ${int(g.sizeMiB)} MiB`,
      ],
      ["server start on it, until /api/health", secs(lf.startMs)],
      ["GET /api/snapshot, p50 / p99 (500 calls)", both(lf.snapshot)],
      ["GET /api/events?after=<head − 100>&limit=100, p50 / p99", both(lf.eventsAfter)],
      [`GET /api/history of a household with ${lf.history.events} events, p50 / p99`, both(lf.history.times)],
    ],
  );
}

function manyTable(r: Results): string {
  const m = r.many!;
  const tenth = Math.floor(m.subscribers / 10);
  const col = (h: ManyResult["floor"]) => [
    `${int(h.rssBeforeKiB / 1024)} → ${int(h.rssTenthKiB / 1024)} → ${int(h.rssAfterKiB / 1024)} MiB`,
    kib((h.rssAfterKiB - h.rssBeforeKiB) / m.subscribers),
    kib((h.rssAfterKiB - h.rssTenthKiB) / (m.subscribers - tenth)),
    secs(h.connectMs),
    `${ms(p50(h.fanOut))} ms (${h.fanOut.map((x) => int(x)).join(", ")})`,
  ];
  const [f, c] = [col(m.floor), col(m.cordon)];
  const what = [
    `server RSS: idle → with ${int(tenth)} → with all`,
    "RSS per subscriber (with all − idle) / all",
    `… per subscriber past the first ${int(tenth)} (with all − with a tenth) / the rest`,
    "connecting and subscribing them all",
    "a change until all hold it, median (each)",
  ];
  return table(
    [`${int(m.subscribers)} subscribers (clients in ${m.processes} processes)`, "bare Socket.IO", `Cordon (${ENGINE_NAME[m.engine]})`],
    what.map((w, i) => [w, f[i]!, c[i]!]),
  );
}

function wallTable(r: Results): string {
  const w = r.wall!;
  return table(
    ["/wall (production build, PGlite, demo compound, 1920×1080, fresh context each)", "figure"],
    [
      [`navigation start (sign-in link) → all eight numbers, p50 / p99 of ${w.navigations.length}`, both(w.navigations)],
      ["… seen from the benchmark (from page.goto), p50", `${ms(p50(w.outside))} ms`],
      ["JavaScript loaded: gzipped (raw, files)", `${kB(w.js.gzipBytes)} (${kB(w.js.bytes)}, ${w.js.files})`],
      ["build", w.build === "built" ? `built in ${secs(w.buildMs)}` : "reused"],
    ],
  );
}

function importTable(r: Results): string {
  const es = r.engines.filter((e) => r.imports[e]);
  const first = r.imports[es[0]!]!.rows;
  return table(
    ["registry import", ...es.map((e) => ENGINE_NAME[e])],
    first.map(([what], i) => [what, ...es.map((e) => r.imports[e]!.rows[i]?.[1] ?? "–")]),
  );
}

/** The report's sections (markdown), by title. */
export function sections(r: Results): { title: string; body: string }[] {
  const out: { title: string; body: string }[] = [];
  out.push({
    title: "Against the targets",
    body: table(["figure", "engine", "measured", "vs floor", "vs polling", "target", ""], targets(r)),
  });
  if (Object.keys(r.dbFloors).length || r.pushFloor) out.push({ title: "Floors", body: floorsTable(r) });
  if (Object.keys(r.cordon).length) out.push({ title: "Cordon by engine", body: cordonTable(r) });
  if (r.polling) out.push({ title: "Push or poll", body: pollingTables(r) });
  if (r.longFeed) out.push({ title: "A long feed", body: longFeedTable(r) });
  if (r.many) out.push({ title: "Subscribers on one node", body: manyTable(r) });
  if (r.wall) out.push({ title: "The wall display", body: wallTable(r) });
  if (Object.keys(r.imports).length) out.push({ title: "Registry import (5,000 households)", body: importTable(r) });
  const stolen = Object.entries(r.steal).filter(([, x]) => Number.isFinite(x));
  if (stolen.length)
    out.push({
      title: "CPU the host took (steal)",
      body:
        "This machine is a virtual machine on a shared host: the share of its cores' time the host gave to others while each part ran. Figures measured at 5% or more are low for that reason, not the code's.\n\n" +
        table(
          ["part", "steal"],
          stolen.map(([part, x]) => [part, `${(100 * x).toFixed(1)}%`]),
        ),
    });
  if (r.failures.length)
    out.push({ title: "Parts that failed", body: r.failures.map((f) => `- ${f.part}: ${f.message.split("\n")[0]}`).join("\n") });
  return out;
}

export function machineLine(r: Results): string {
  const m = r.machine;
  return (
    `${r.startedAt.toISOString().slice(0, 10)}, ${m.cores} × ${m.cpu}, ${m.ramGiB} GiB, Node ${m.node}, ` +
    `${m.postgres ? `PostgreSQL ${m.postgres} on the same machine` : "no PostgreSQL"}, PGlite ${m.pglite}; load average ${m.load.toFixed(1)} at the start`
  );
}
