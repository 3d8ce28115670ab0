// `npm test`: one gate, stopping at the first failing step.
// format and lint → types → unit → integration on PGlite → on PostgreSQL → build → browser.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["format and lint", "npx", ["biome", "check", "."]],
  ["types", "npx", ["tsc", "--noEmit"]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
  ["integration (PGlite)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "pglite" }],
  ["integration (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DB: "postgres" }],
  ["build", "npx", ["next", "build"]],
  ["browser", "npx", ["vitest", "run", "--project", "browser"]],
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const started = Date.now();
for (const [name, cmd, args, extra] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (r.status === 0) {
    passed++;
    console.log(`=== ${name}: passed in ${secs} s ===`);
  } else {
    failed++;
    console.log(`=== ${name}: FAILED in ${secs} s ===`);
    break;
  }
}
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`gate: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
