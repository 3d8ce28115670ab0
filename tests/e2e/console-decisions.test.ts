// Why: a volunteer at the door can tell a household what was decided: the console follows decisions live, masked.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { PERSONAL, smallCompound } from "../support/fixtures";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "decisions-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("OUTBOX15: decisions reach the volunteer's console", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("OUTBOX15 the console lists its building's requests and the ones it opened; an approval and a rejection with its reason appear without a reload, masked", async () => {
    const token = await app.server.mint("volunteer", "building 1 phone");
    const context = await app.browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
      locale: "en-US",
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?token=${token}&lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const list = page.locator("[data-followed]");
    await expect.poll(() => list.getAttribute("data-followed"), { timeout: 20_000 }).toBe("0");

    // The secretary's requests for building 1, and one in building 2 opened from this phone.
    const open = (requestId: string, householdId: string, extra: object = {}) =>
      app.server.api("/api/events", { type: "request.opened", payload: { requestId, householdId, kind: "leave", ...extra } });
    expect((await open("R-NURSE", "h1", { person: PERSONAL.name })).status).toBe(201);
    expect((await open("R-SHIFT", "h2")).status).toBe(201);
    expect((await open("R-OTHER", "h3")).status).toBe(201);
    await openTask(page, "request");
    const request = page.locator('form[data-form="request"]');
    const mine = (await request.locator("[data-request-number]").getAttribute("data-request-number")) ?? "";
    await request.locator('[data-pick-building="b2"]').tap();
    await request.locator('[data-household="h3"]').tap();
    await request.locator('select[name="kind"]').selectOption("supplies");
    await request.locator('button[type="submit"]').tap();
    await expect.poll(() => request.locator("[data-status]").getAttribute("data-status"), { timeout: 30_000 }).toBe("ok");
    // The volunteer's building (chosen once on the door list, remembered on the phone).
    await openTask(page, "doors");
    await page.locator('[data-doors="console"] [data-pick-building="b1"]').tap();
    await openTask(page, "decided");

    const item = (id: string) => page.locator(`[data-followed-request="${id}"]`);
    await expect.poll(() => list.getAttribute("data-followed"), { timeout: 20_000 }).toBe("3");
    expect(await item("R-OTHER").count()).toBe(0);
    expect(await item(mine).textContent()).toContain("opened on this phone");
    expect(await item("R-NURSE").getAttribute("data-status")).toBe("pending");
    // A volunteer reads names masked, as everywhere on the phone.
    expect(await page.locator("[data-followed]").textContent()).not.toContain(PERSONAL.name);

    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const decide = (type: string, payload: object) => app.server.api("/api/events", { type, payload });
    expect((await decide("request.approved", { requestId: "R-NURSE", override: { reason: "hospital shift" } })).status).toBe(201);
    expect((await decide("request.rejected", { requestId: "R-SHIFT", reason: `no report; call ${PERSONAL.phone}` })).status).toBe(201);
    expect((await decide("request.approved", { requestId: mine })).status).toBe(201);
    await expect.poll(() => item("R-NURSE").getAttribute("data-status"), { timeout: 20_000 }).toBe("approved");
    await expect.poll(() => item("R-SHIFT").getAttribute("data-status"), { timeout: 20_000 }).toBe("rejected");
    await expect.poll(() => item(mine).getAttribute("data-status"), { timeout: 20_000 }).toBe("approved");
    expect(await item("R-NURSE").textContent()).toContain("hospital shift");
    const reason = (await item("R-SHIFT").locator("[data-decision-reason]").textContent()) ?? "";
    expect(reason).toMatch(/^Reason: no report; call \*+\d{4}$/);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "console-decisions.png");
    await list.scrollIntoViewIfNeeded();
    await list.screenshot({ path: shot });
    copyFileSync(shot, path.resolve("docs/console-decisions.png"));
    await context.close();
  });
});
