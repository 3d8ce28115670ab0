// `npm test`: one gate, stopping at the first failing step.
// format and lint → types → unit → integration on PGlite → on PostgreSQL → faults → build → browser.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["format and lint", "npx", ["biome", "check", "."]],
  ["types", "npx", ["tsc", "--noEmit"]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
  ["integration (PGlite)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "pglite" }],
  ["integration (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "postgres" }],
  ["faults", "npx", ["vitest", "run", "--project", "faults"], { TEST_DB: "postgres" }],
  ["build", "npx", ["next", "build"]],
  // The console's service worker, from the pages just built (serwist.config.js; Turbopack has no webpack hook).
  ["build (service worker)", "npx", ["serwist", "build"]],
  ["browser", "npx", ["vitest", "run", "--project", "browser"]],
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const tests = { passed: 0, failed: 0, skipped: 0 };

/** Runs a step, echoing its output, and adds up vitest's "Tests  N failed | N passed | N skipped" line. */
function run(cmd, args, stepEnv) {
  const r = spawnSync(cmd, args, { env: stepEnv, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
  const plain = (r.stdout ?? "").replace(/\x1b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((l) => /^\s*Tests\s+\d/.test(l));
  if (line) {
    for (const key of ["passed", "failed", "skipped"]) {
      const m = line.match(new RegExp(`(\\d+) ${key}`));
      if (m) tests[key] += Number(m[1]);
    }
  }
  return r.status;
}
const started = Date.now();
for (const [name, cmd, args, extra] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  const status = run(cmd, args, { ...env, ...extra });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (status === 0) {
    passed++;
    console.log(`=== ${name}: passed in ${secs} s ===`);
  } else {
    failed++;
    console.log(`=== ${name}: FAILED in ${secs} s ===`);
    break;
  }
}
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`steps: ${passed} passed, ${failed} failed`);
console.log(`tests: ${tests.passed} passed, ${tests.failed + failed} failed, ${tests.skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
