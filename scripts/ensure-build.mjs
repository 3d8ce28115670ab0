// Builds the pages before `npm start` when there is no build yet or the sources are newer.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
const SOURCES = ["app", "server/protocol", "drizzle/schema", "next.config.js", "package-lock.json"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const SW = path.join(process.env.NEXT_DIST_DIR || ".next", "serwist", "console-sw.js");
const SW_SOURCES = ["sw", "serwist.config.js", "public"];

/** The console's service worker (serwist.config.js), built after the pages, and again when missing or older than them. */
function worker() {
  const at = existsSync(SW) ? statSync(SW).mtimeMs : 0;
  if (at > 0 && at >= statSync(BUILD_ID).mtimeMs && SW_SOURCES.every((s) => newest(s) <= at)) return 0;
  console.log("Building the console's service worker…");
  return spawnSync("npx", ["serwist", "build"], { stdio: "inherit" }).status ?? 1;
}

const built = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0;
if (built > 0 && SOURCES.every((s) => newest(s) <= built)) process.exit(worker());

console.log(built ? "Sources changed since the last build: rebuilding the pages…" : "First start: building the pages (about a minute)…");
const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
process.exit(r.status === 0 ? worker() : (r.status ?? 1));
