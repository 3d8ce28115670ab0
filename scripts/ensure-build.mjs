// Builds the pages before `npm start` when there is no build yet or the sources are newer.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = ".next/BUILD_ID";
const SOURCES = ["app", "server/protocol", "drizzle/schema", "next.config.js", "package-lock.json"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const built = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0;
if (built > 0 && SOURCES.every((s) => newest(s) <= built)) process.exit(0);

console.log(built ? "Sources changed since the last build: rebuilding the pages…" : "First start: building the pages (about a minute)…");
const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(r.status ?? 1);
