import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../support/browser";
import { smallCompound } from "../support/fixtures";
import { freePort, type Spawned, spawnServer } from "../support/spawn";
import { expectKpisEqual, kpi, screenshot } from "../support/wall-page";

const ADMIN = "e2e-admin-token-offline-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("WALL: the wall when the server goes away", () => {
  let server: Spawned;
  let browser: Browser;
  let dataDir: string;
  let env: Record<string, string>;
  const api = async (p: string, body?: unknown) =>
    fetch(`${server.url}${p}`, {
      method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "cordon-wall-offline-"));
    env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, DEMO: "0" };
    server = await spawnServer(env);
    expect((await api("/api/events", { events: smallCompound() })).status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("WALL22 kill -9: the wall says so within 5 s, greys the last numbers after a minute, and recovers after a restart without a reload", async () => {
    const { token } = (await (await api("/api/tokens", { role: "display", label: "office wall" })).json()) as { token: string };
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/wall?token=${token}`);
    const badge = page.locator("[data-connection]");
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await page.locator("[data-building]").first().waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const before = await (await api("/api/snapshot")).json();

    await server.kill9();
    const killedAt = Date.now();
    await expect.poll(() => badge.getAttribute("data-connection"), { timeout: 5000, interval: 50 }).not.toBe("live");
    expect(Date.now() - killedAt).toBeLessThan(5000);

    // Jump the page's clock past a minute of silence: the overlay comes, the last numbers stay.
    await page.clock.install();
    await page.clock.fastForward(65_000);
    await page.locator('[data-overlay="expired"]').waitFor({ timeout: 5000 });
    expect(await page.locator("main").getAttribute("data-freshness")).toBe("expired");
    expect(await page.locator("[data-stale]").count()).toBe(1);
    expect(await kpi(page, "householdsTotal")).toBe(before.counts.householdsTotal);
    await screenshot(page, "wall-offline");

    server = await spawnServer(env);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-overlay="expired"]').count(), { timeout: 5000 }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect((await api("/api/events", { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } })).status).toBe(201);
    await expectKpisEqual(page, (await (await api("/api/snapshot")).json()).counts);
    expect(await kpi(page, "householdsTested")).toBe(1);
    await context.close();
  });
});
