import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";
import { expectKpisEqual, kpi, screenshot } from "../support/wall-page";

const ADMIN = "e2e-admin-token-offline-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("WALL: the wall when the server goes away", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  const api = (p: string, body?: unknown) => app.server.api(p, body);

  it("WALL22 kill -9: the wall says so within 5 s, greys the last numbers after a minute, and recovers after a restart without a reload", async () => {
    const token = await app.server.mint("display", "office wall");
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/wall?token=${token}`);
    const badge = page.locator("[data-connection]");
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await page.locator("[data-building]").first().waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const before = (await api("/api/snapshot")).body;

    await app.server.kill9();
    const killedAt = Date.now();
    await expect.poll(() => badge.getAttribute("data-connection"), { timeout: 30_000, interval: 50 }).not.toBe("live");
    expect(Date.now() - killedAt).toBeLessThan(5000);

    // Jump the page's clock past a minute of silence: the overlay comes, the last numbers stay.
    await page.clock.install();
    await page.clock.fastForward(65_000);
    await page.locator('[data-overlay="expired"]').waitFor({ timeout: 30_000 });
    expect(await page.locator("main").getAttribute("data-freshness")).toBe("expired");
    expect(await page.locator("[data-stale]").count()).toBe(1);
    expect(await kpi(page, "householdsTotal")).toBe(before.counts.householdsTotal);
    await screenshot(page, "wall-offline");

    await app.server.restart();
    await page.locator('[data-connection="live"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-overlay="expired"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect((await api("/api/events", { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } })).status).toBe(201);
    await expectKpisEqual(page, (await api("/api/snapshot")).body.counts);
    expect(await kpi(page, "householdsTested")).toBe(1);
    await context.close();
  });
});
