import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { smallCompound } from "../support/fixtures";

const ADMIN = "console-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("CONSOLE: a volunteer's phone", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("CONSOLE1 a volunteer signs in on a phone, records a test and a check-in, opens an urgent request; refusals show the API's message", async () => {
    const token = await app.server.mint("volunteer", "phone");
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?token=${token}`);
    expect(page.url()).not.toContain("token");
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });

    const tested = page.locator('form[data-form="tested"]');
    // The household picker: the building, then the unit, never an id typed in.
    await tested.locator('[data-pick-building="b1"]').click();
    await tested.locator('[data-household="h2"]').click();
    expect(await tested.locator('input[name="householdId"]').inputValue()).toBe("h2");
    await tested.locator('button[type="submit"]').click();
    await tested.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await app.server.api("/api/snapshot")).body.counts.householdsTested).toBe(1);
    await expect.poll(() => page.locator('[data-kpi="householdsTested"]').textContent()).toBe("1");

    await openTask(page, "duty");

    const checkIn = page.locator('form[data-form="check-in"]');
    await checkIn.locator('input[name="volunteerId"]').fill("v1");
    await checkIn.locator('select[name="post"]').selectOption("gate");
    await checkIn.getByRole("button").click();
    await checkIn.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    await checkIn.locator('input[name="volunteerId"]').fill("v1");
    await checkIn.getByRole("button").click();
    await expect.poll(() => checkIn.locator('[data-status="error"]').textContent()).toMatch(/already on duty/);

    await openTask(page, "request");

    const request = page.locator('form[data-form="request"]');
    await request.locator('[data-pick-building="b2"]').click();
    await request.locator('[data-household="h3"]').click();
    await request.locator('select[name="kind"]').selectOption("medical");
    await request.locator('input[name="urgent"]').check();
    await request.locator('button[type="submit"]').click();
    await request.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    const snap = (await app.server.api("/api/snapshot")).body;
    expect(snap.counts).toMatchObject({ volunteersOnDuty: 1, pendingRequests: 1, urgentRequests: 1 });
    await context.close();
  });
});
