// Why: STREET9: the street wall keeps the wall's freshness rules when the server goes away, and recovers without a reload.
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";

const ADMIN = "street-offline-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("STREET: the street wall when the server goes away", () => {
  const app = withBrowserApp(ADMIN, () => [...smallCompound("north"), ...smallCompound("east")]);

  it("STREET9 kill -9: the street wall says so within 5 s, greys its last tiles after a minute, and recovers after a restart without a reload", async () => {
    const minted = await app.server.api("/api/tokens", { role: "street", label: "street", communities: ["north", "east"] });
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/street?token=${minted.body.token}&lang=en`);
    const badge = page.locator("[data-connection]");
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator("[data-compound]").count(), { timeout: 15_000 }).toBe(2);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await app.server.kill9();
    const killedAt = Date.now();
    await expect.poll(() => badge.getAttribute("data-connection"), { timeout: 30_000, interval: 50 }).not.toBe("live");
    expect(Date.now() - killedAt).toBeLessThan(5000);
    expect(await page.locator('[data-overlay="expired"]').count()).toBe(0);

    // A minute of silence on the page's clock: the notice comes, the last tiles stay.
    await page.clock.install();
    await page.clock.fastForward(65_000);
    await page.locator('[data-overlay="expired"]').waitFor({ timeout: 30_000 });
    expect(await page.locator("main").getAttribute("data-freshness")).toBe("expired");
    expect(await page.locator("[data-compound]").count()).toBe(2);

    await app.server.restart();
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-overlay="expired"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(
      (await app.server.api("/api/events", { type: "building.sealed", community: "east", payload: { buildingId: "b1" } })).status,
    ).toBe(201);
    await expect
      .poll(() => page.locator('[data-compound="east"] [data-street-kpi="buildingsSealed"]').textContent(), { timeout: 15_000 })
      .toBe("1");
    await context.close();
  });
});
