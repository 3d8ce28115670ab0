// Why: the wall display's first impression: from navigation start (the sign-in link, before its redirect) until all
// eight numbers show values, in fresh browser contexts on the production build; and the JavaScript it loads, gzipped.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser } from "../tests/support/browser";
import { api, now, QUICK, startServer } from "./common";

/** A build directory of its own (gitignored), so the benchmark never replaces a developer's `.next`. */
export const DIST = ".next-bench";

export interface WallResult {
  build: "reused" | "built";
  buildMs: number;
  /** In-page: navigation start until the eighth number shows a value (ms), one per cold navigation. */
  navigations: number[];
  /** The same from the benchmark's side: from calling page.goto (both clocks are this machine's). */
  outside: number[];
  js: { files: number; bytes: number; gzipBytes: number };
}

/** `next build` into DIST when it is missing or older than the sources (a quick run reuses any build). */
function ensureBuild(): { build: "reused" | "built"; buildMs: number } {
  if (QUICK && existsSync(`${DIST}/BUILD_ID`)) return { build: "reused", buildMs: 0 };
  const before = existsSync(`${DIST}/BUILD_ID`) ? readFileSync(`${DIST}/BUILD_ID`, "utf8") : "";
  // next build rewrites these two for its own directory; they are put back as they were.
  const kept = ["tsconfig.json", "next-env.d.ts"].filter(existsSync).map((f) => [f, readFileSync(f, "utf8")] as const);
  const t = now();
  const r = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], {
    env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  const buildMs = now() - t;
  for (const [f, text] of kept) if (readFileSync(f, "utf8") !== text) writeFileSync(f, text);
  if (r.status !== 0) throw new Error(`next build failed:\n${(r.stdout + r.stderr).slice(-2000)}`);
  const after = readFileSync(`${DIST}/BUILD_ID`, "utf8");
  return { build: after === before ? "reused" : "built", buildMs };
}

declare global {
  interface Window {
    __kpisAt?: number;
  }
}

/**
 * Notes (in the page) the moment all eight `data-kpi` elements first hold a number. A string, not a function: tsx
 * would wrap a function's inner names in a helper the page does not have.
 */
const WATCH_KPIS = `(() => {
  const shown = () => {
    const names = new Set();
    for (const el of document.querySelectorAll("[data-kpi]")) if (/\\d/.test(el.textContent || "")) names.add(el.getAttribute("data-kpi"));
    return names.size >= 8;
  };
  const observer = new MutationObserver(() => {
    if (window.__kpisAt === undefined && shown()) {
      window.__kpisAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** The JavaScript responses of a page, collected until `done()` is awaited. */
function collectScripts(page: Page) {
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.body().catch(() => Buffer.alloc(0)));
  });
  return async () => {
    const all = await Promise.all(bodies);
    return { files: all.length, bytes: all.reduce((s, b) => s + b.length, 0), gzipBytes: all.reduce((s, b) => s + gzipSync(b).length, 0) };
  };
}

export async function benchWall(count: number, log: (s: string) => void): Promise<WallResult> {
  log("production build");
  const build = ensureBuild();
  const server = await startServer("pglite", { UI: "1", NEXT_DIST_DIR: DIST, DEMO: "1", DEMO_TICK_MS: "3600000" });
  const browser = await launchBrowser();
  try {
    const display = (await api<{ token: string }>(server.url, "/api/tokens", { role: "display", label: "bench wall" })).token;
    const navigations: number[] = [];
    const outside: number[] = [];
    let js: WallResult["js"] = { files: 0, bytes: 0, gzipBytes: 0 };
    // The first navigation warms the server (route modules loaded once); it is not counted.
    for (let i = -1; i < count; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-US" });
      try {
        await context.addInitScript(WATCH_KPIS);
        const page = await context.newPage();
        const scripts = i === 0 ? collectScripts(page) : null;
        const t = now();
        await page.goto(`${server.url}/wall?token=${display}`, { waitUntil: "commit" });
        const shown = await page.waitForFunction(
          () => (window.__kpisAt === undefined ? null : [performance.timeOrigin, window.__kpisAt]),
          undefined,
          { timeout: 30_000, polling: 50 },
        );
        const [origin, at] = (await shown.jsonValue()) as [number, number];
        if (i < 0) continue;
        navigations.push(at);
        outside.push(origin + at - t);
        if (scripts) {
          await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
          js = await scripts();
        }
      } finally {
        await context.close();
      }
    }
    return { ...build, navigations, outside, js };
  } finally {
    await browser.close();
    await server.dispose();
  }
}
