// Why: the street office's figures as their own section of BENCHMARKS.md, written by the part that measured them and
// kept by every other run, so `--only=street` can refresh it without touching the rest of the file.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { int, ms, p50, p99 } from "./common";
import type { StreetResult } from "./street";

export const STREET_TITLE = "Street office (many compounds on one PostgreSQL)";

export function streetSection(r: StreetResult, machine: string): string {
  const one = r.phases.find((p) => p.watched && p.nodes === 1);
  const two = r.phases.find((p) => p.nodes === 2);
  const cols = r.phases.map((p) =>
    !p.watched ? "1 node, no socket (writes alone)" : p.nodes === 1 ? "1 node" : `${p.nodes} nodes behind HAProxy`,
  );
  const row = (what: string, f: (p: StreetResult["phases"][number]) => string, socketsOnly = false) =>
    `| ${what} | ${r.phases.map((p) => (socketsOnly && !p.watched ? "–" : f(p))).join(" | ")} |`;
  const pair = (a: number, b: number) => `${ms(a)} / ${ms(b)} ms`;
  const lines = [
    `A street of ${r.compounds} compounds, each ${int(r.households)} households and ${r.volunteers} volunteers (with ${Math.ceil(r.households / 34)} buildings,`,
    "two posts with minimums and an open round), all registered through `POST /api/events` in batches of 1,000 on a new",
    `PostgreSQL database: ${int(r.registered)} events in ${(r.registerMs / 1000).toFixed(1)} s. Then single events at ${r.rate} a second, paced (at most 64`,
    "unanswered: when the server falls behind, the rate it accepts is the figure), round robin over",
    "the compounds (nine swabs in ten, then a volunteer checking in or out), from a process of its own, for each phase.",
    `Watching them, from another process: one street wall's socket (\`street\`: every compound) and one wall socket per compound`,
    "(`subscribe` with `wall: true`, its display token). Staleness is from the POST's 201 to the first message on that socket",
    "carrying the compound at that seq or later (0 when the push came first). Reads under the load: `GET /api/snapshot` (a",
    "compound's display token) and `GET /api/street` (the street token), one after the other. CPU is each node's user +",
    "system time over the phase, as a share of one core; RSS at the end (and its peak, sampled every second).",
    "",
    `${machine}.`,
    "",
    `| under ${r.rate} events/s | ${cols.join(" | ")} |`,
    `| --- | ${cols.map(() => "---").join(" | ")} |`,
    row(
      "events accepted a second (failed)",
      (p) => `${int(p.eventsPerSecond)}${p.heldBack ? " (held back: 64 unanswered)" : ""} (${p.failed})`,
    ),
    row("POST until 201, p50 / p99", (p) => pair(p.postP50, p.postP99)),
    row("staleness on the street wall's socket, p50 / p99 (max)", (p) => `${pair(p.street.p50, p.street.p99)} (${ms(p.street.max)})`, true),
    row(
      `staleness on the ${r.compounds} compounds' wall sockets, p50 / p99 (max)`,
      (p) => `${pair(p.walls.p50, p.walls.p99)} (${ms(p.walls.max)})`,
      true,
    ),
    row(
      "events never seen on a socket",
      (p) => `${p.street.missed} street, ${p.walls.missed} walls of ${int(p.walls.n + p.walls.missed)}`,
      true,
    ),
    row("node CPU (share of one core)", (p) => p.perNode.map((n) => `${Math.round(n.cpu * 100)}%`).join(" + ")),
    row("node RSS at the end (peak)", (p) => p.perNode.map((n) => `${int(n.rssMiB)} MiB (${int(n.peakMiB)})`).join(" + ")),
    row("GET /api/snapshot under load, p50 / p99", (p) => pair(p50(p.snapshot), p99(p.snapshot))),
    row(
      `GET /api/street (${r.compounds} compounds) under load, p50 / p99; answer size`,
      (p) => `${pair(p50(p.streetApi), p99(p.streetApi))}; ${int(p.streetBytes / 1024)} KiB`,
    ),
    row("PostgreSQL connections held", (p) => String(p.pgConnections)),
    row("PostgreSQL CPU (this database's backends, share of one core)", (p) => `${Math.round(p.pgCpu * 100)}%`),
    row("load generator's CPU (share of one core)", (p) => `${Math.round(p.clientCpu * 100)}%`),
    row("host steal during the phase; load average at its end", (p) => `${(p.steal * 100).toFixed(0)}%; ${p.load.toFixed(1)}`),
  ];
  if (r.skipped.length) lines.push("", `Not run: ${r.skipped.join("; ")}.`);
  if (one && two)
    lines.push(
      "",
      "With two nodes each socket is on whichever node HAProxy gave it, and half the writes land on the other node: a push",
      "then waits for PostgreSQL's NOTIFY to reach the socket's node. Every node reads every compound's state after each",
      "change that someone on it watches, so two nodes read the state twice; what they share is the sockets and the HTTP.",
    );
  lines.push("", "What these figures mean for a district and a city: [docs/deploy.md](docs/deploy.md#a-plan-for-a-district-and-a-city).");
  return lines.join("\n");
}

/** Puts the section in BENCHMARKS.md in place of its old one (or before "Several nodes"), leaving the rest as it is. */
export function writeStreetSection(body: string, file = "BENCHMARKS.md"): void {
  const old = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const parts = old.split(/^(?=## )/m);
  const mine = `## ${STREET_TITLE}\n\n${body}\n\n`;
  const at = parts.findIndex((p) => p.startsWith(`## ${STREET_TITLE}`));
  if (at >= 0) parts[at] = mine;
  else {
    const before = parts.findIndex((p) => p.startsWith("## Several nodes"));
    parts.splice(before >= 0 ? before : parts.length, 0, mine);
  }
  writeFileSync(file, parts.join(""));
}
