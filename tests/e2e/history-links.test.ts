// Why: HIST8 in Chromium: a household's history is a click from the desk's door-knocking list and a volunteer's from /people; the phone shows no history links.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";

const ADMIN = "history-links-admin-token-0123456789";
const ready = browserAvailable();

/** h1 has a past round's test and result and a request; h2 is tested in the open round; v1 has a shift, v2 only its registration. */
function compound() {
  const e = (type: string, payload: object) => ({ type, payload });
  return [
    e("building.registered", { buildingId: "b1", label: "1号楼" }),
    e("building.registered", { buildingId: "b2", label: "2号楼" }),
    e("household.registered", { householdId: "h1", buildingId: "b1", unit: "101", residents: 3 }),
    e("household.registered", { householdId: "h2", buildingId: "b1", unit: "102", residents: 2 }),
    e("household.registered", { householdId: "h3", buildingId: "b2", unit: "201", residents: 1 }),
    e("volunteer.registered", { volunteerId: "v1", name: "Li Na 李娜" }),
    e("volunteer.registered", { volunteerId: "v2", name: "Wang Fang" }),
    e("round.opened", { roundId: "r0", kind: "pcr" }),
    e("household.tested", { roundId: "r0", householdId: "h1" }),
    e("test.result", { roundId: "r0", householdId: "h1", result: "negative" }),
    e("round.closed", { roundId: "r0" }),
    e("round.opened", { roundId: "r1", kind: "pcr" }),
    e("household.tested", { roundId: "r1", householdId: "h2" }),
    e("request.opened", { requestId: "q1", householdId: "h1", kind: "supplies" }),
    e("volunteer.checked_in", { volunteerId: "v1", post: "gate" }),
    e("volunteer.checked_out", { volunteerId: "v1" }),
  ];
}

const eventTypes = (page: Page) => page.locator("[data-event]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event")));

describe.skipIf(!ready)("HIST: history links where the entity is shown", () => {
  const app = withBrowserApp(ADMIN, compound);

  it("HIST8 a household's link in the desk's door-knocking list and a volunteer's on /people open their histories; the phone's list has none", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const doors = page.locator('[data-doors="desk"]');
    await doors.locator('[data-building="b1"][data-left="1"] button[aria-expanded]').click();
    const link = doors.locator('[data-history-link="h1"]');
    await link.waitFor({ timeout: 5000 });
    expect(await link.getAttribute("href")).toBe("/history?entity=household&id=h1");
    expect(await link.getAttribute("title")).toBe("History of 1号楼 101");
    // The one-tap "tested" button stays a thumb's size and apart from the link.
    const button = await doors.locator('[data-household="h1"]').boundingBox();
    const small = await link.boundingBox();
    if (!button || !small) throw new Error("the unit's button or its history link is not laid out");
    expect(button.height).toBeGreaterThanOrEqual(44);
    expect(small.y).toBeGreaterThanOrEqual(button.y + button.height);

    await link.click();
    await page.waitForURL(`${app.server.url}/history?entity=household&id=h1`);
    await page.locator('[data-history="4"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-history-title]").textContent()).toBe("History of household 1号楼 101");
    expect(await eventTypes(page)).toEqual(["household.registered", "household.tested", "test.result", "request.opened"]);
    expect(await page.locator('[data-event="request.opened"] [data-sentence]').textContent()).toContain("1号楼 101");

    await page.goto(`${app.server.url}/people`);
    const v1 = page.locator('[data-volunteer="v1"] [data-history-link="v1"]');
    await v1.waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-volunteer] [data-history-link]").count()).toBe(2);
    await v1.click();
    await page.waitForURL(`${app.server.url}/history?entity=volunteer&id=v1`);
    await page.locator('[data-history="3"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-history-title]").textContent()).toBe("History of volunteer Li Na 李娜");
    expect(await eventTypes(page)).toEqual(["volunteer.registered", "volunteer.checked_in", "volunteer.checked_out"]);
    await context.close();

    // A volunteer cannot read history: the phone's door list shows the same units with no link to it.
    const volunteer = await app.server.mint("volunteer", "phone");
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const console = await phone.newPage();
    await console.goto(`${app.server.url}/console?token=${volunteer}`);
    await console.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const phoneDoors = console.locator('[data-doors="console"]');
    await phoneDoors.locator('[data-pick-building="b1"]').tap();
    await phoneDoors.locator('[data-household="h1"]').waitFor({ timeout: 5000 });
    expect(await console.locator("[data-history-link], a[href^='/history']").count()).toBe(0);
    await phone.close();
  });
});
