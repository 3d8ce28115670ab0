// The wall's soak: /wall open in Chromium while a simulated feed posts events through the API.
// Passes when the page's JS heap (after a forced GC) at the end is within 20% of its size after
// the first minute. `npx tsx bench/wall-soak.ts`; WALL_SOAK_MINUTES (default 30), WALL_SOAK_RATE
// (events per second, default 20).

import { startAppServer } from "../tests/support/app-server";
import { launchBrowser } from "../tests/support/browser";
import { SoakFeed } from "./wall-soak-feed";

const ADMIN = "soak-admin-token-0123456789";
const minutes = Number(process.env.WALL_SOAK_MINUTES ?? 30);
const rate = Number(process.env.WALL_SOAK_RATE ?? 20);
const MiB = (n: number) => (n / 1024 / 1024).toFixed(2);

async function main() {
  const server = await startAppServer(ADMIN);
  const api = server.api;
  const feed = new SoakFeed(api);
  await feed.setUp();
  const display = await server.mint("display", "soak wall");

  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${server.url}/wall?token=${display}`);
  await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });

  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { heap: m.JSHeapUsedSize ?? 0, nodes: m.Nodes ?? 0, listeners: m.JSEventListeners ?? 0 };
  };

  const started = Date.now();
  const end = started + minutes * 60_000;
  const samples: { min: number; heap: number; nodes: number; listeners: number; events: number }[] = [];
  let nextSample = started + 60_000;
  const running = feed.run(rate, end);
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, Math.min(5000, Math.max(0, end - Date.now()))));
    if (Date.now() >= nextSample || Date.now() >= end) {
      const s = { min: (Date.now() - started) / 60_000, ...(await heap()), events: feed.posted };
      samples.push(s);
      console.log(`t=${s.min.toFixed(1)} min  heap ${MiB(s.heap)} MiB  nodes ${s.nodes}  listeners ${s.listeners}  events ${s.events}`);
      const every = minutes >= 10 ? 5 * 60_000 : 60_000;
      nextSample = started + Math.max(1, Math.floor((Date.now() - started) / every) + 1) * every;
    }
  }
  await running;
  const last = await heap();
  const first = samples[0] ?? last;
  const snap = (await api("/api/snapshot")).body;
  const shown = Number((await page.locator('[data-kpi="householdsTested"]').first().textContent())?.replace(/[^0-9]/g, ""));
  const growth = (last.heap - first.heap) / first.heap;
  const pass = Math.abs(growth) <= 0.2 && shown === snap.counts.householdsTested;
  console.log(
    JSON.stringify({
      minutes,
      rate,
      eventsPosted: feed.posted,
      rejected: feed.rejected,
      achievedRate: Number((feed.posted / ((Date.now() - started) / 1000)).toFixed(1)),
      heapAfter1MinMiB: Number(MiB(first.heap)),
      heapAtEndMiB: Number(MiB(last.heap)),
      growthPct: Number((growth * 100).toFixed(1)),
      nodes: [first.nodes, last.nodes],
      listeners: [first.listeners, last.listeners],
      wallInStep: shown === snap.counts.householdsTested,
      chromium: browser.version(),
      pass,
    }),
  );
  await browser.close();
  await server.close();
  process.exit(pass ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
