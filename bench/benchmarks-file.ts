// Why: BENCHMARKS.md is written by the run, never by hand: its top is regenerated, and the sections other
// benchmarks own (several nodes, the wall soak) are kept as they are.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ms, p50 } from "./common";
import { machineLine, sections } from "./report";
import type { Results } from "./results";

/** Sections of the old file kept when this run has nothing of its own under that title. */
const KEEP = [/^Registry import/, /^Street office/, /^Several nodes/, /^Wall soak/];

function method(r: Results): string {
  const feed = r.longFeed ? r.longFeed.generated.events.toLocaleString("en") : "10,000,000";
  return [
    "- The server is the real one (`tsx server/index.ts`) in its own process on a new database, `DEMO=0` and `UI=0` (pages only",
    "  for /wall), with the request limits raised out of the way. Load comes from other processes: HTTP posters on keep-alive",
    "  `node:http` connections (their own CPU use is shown: near 100% of a core would mean the generator limits), and",
    "  socket.io-client subscribers over WebSocket in 2 processes (4 for the large count), each noting when it first held a seq.",
    "- Floors, in the same run on the same machine: a bare insert-and-commit loop on a scratch table shaped like a feed row",
    "  (PostgreSQL through postgres.js on a fresh database; PGlite in-process, persisted like the server's), with and without",
    "  a pg_notify in the commit, and 1,000-row inserts; a bare node:http + Socket.IO server that answers 201 and emits to the",
    "  same 200 subscribers. `vs floor` is the figure divided by its floor.",
    "- Polling: 200 dashboards (10 pooled connections, as a dashboard server would have) each run",
    `  \`${r.polling?.query ?? "a count(*) of tested households"}\` every 5 s against the same PostgreSQL while one household`,
    "  is tested a second; staleness runs from a POST's 201 until a dashboard's next answer shows it. Database load is counted",
    "  at the wire by a relay in front of PostgreSQL (statements, and each one's time from send until the server is ready",
    "  again), for the pollers and for Cordon's node alike. `vs polling` is Cordon's latency divided by polling's staleness.",
    `- The long feed: ${feed} events generated in SQL (\`insert … select generate_series\`, indexes dropped and rebuilt) as a`,
    "  community of their own, `archive`, with gap-free seqs and the feed clock at their end; only its community_state row",
    "  (last_seq) is written, not its other projections. The community read, `default`, is registered through the API after.",
    "- Memory per subscriber: the server's VmRSS (from /proc) before and 3 s after the subscribers are all in.",
    `- /wall: Chromium (headless) opens the display's sign-in link in a fresh context each time; the time runs from navigation`,
    `  start (before the sign-in redirect) until all eight \`data-kpi\` elements show a number; the first navigation warms the`,
    `  server and is not counted. JavaScript: every script response of one navigation, gzipped with zlib's default level.`,
    r.pushFloor
      ? `- On this run the bare Socket.IO broadcast to 200 subscribers took ${ms(p50(r.pushFloor.emitToAll))} ms p50 from the emit.`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}

export function writeBenchmarks(r: Results, file = "BENCHMARKS.md"): void {
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const mine = [...sections(r), { title: "How they are taken", body: method(r) }];
  const firstWord = (t: string) => t.split(" ")[0];
  const kept = old
    .split(/^## /m)
    .slice(1)
    .filter((s) => {
      const title = s.split("\n")[0]!.trim();
      return KEEP.some((k) => k.test(title)) && !mine.some((m) => firstWord(m.title) === firstWord(title));
    })
    .map((s) => `## ${s.trimEnd()}\n`);
  const minutes = r.durationMs ? ` The run took ${(r.durationMs / 60_000).toFixed(1)} minutes.` : "";
  const top = [
    "# Benchmarks",
    "",
    "`npm run bench` measures these and rewrites this file down to the sections other benchmarks own (`--quick` runs the same",
    "parts small, prints, and writes nothing). Single runs on one machine: read them as rough.",
    "",
    `${machineLine(r)}.${minutes}`,
    "",
    ...mine.flatMap((s) => [`## ${s.title}`, "", s.body, ""]),
  ].join("\n");
  writeFileSync(file, `${top}\n${kept.join("\n")}`);
}
