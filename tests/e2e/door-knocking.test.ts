// Why: the door-knocking list end to end: a volunteer's phone taps a door, and the wall, the desk and the list follow without a reload.
import { copyFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { kpi, SCREENSHOTS, screenshot } from "../support/wall-page";

const ADMIN = "doors-admin-token-0123456789";
const ready = browserAvailable();

/** Labels that sort wrongly as text: 10号楼 before 2号楼, 1001 before 101. */
function compound() {
  const e = (type: string, payload: object) => ({ type, payload });
  const h = (householdId: string, buildingId: string, unit: string) =>
    e("household.registered", { householdId, buildingId, unit, residents: 2 });
  return [
    e("building.registered", { buildingId: "b10", label: "10号楼" }),
    e("building.registered", { buildingId: "b2", label: "2号楼" }),
    h("h1", "b2", "1001"),
    h("h2", "b2", "101"),
    h("h3", "b2", "201"),
    h("h4", "b2", "301"),
    h("h5", "b10", "101"),
    h("h6", "b10", "102"),
    e("round.opened", { roundId: "r1", kind: "pcr" }),
  ];
}

async function phone(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
  return page;
}

/** Marks the page so a reload (which would wipe the mark) is noticed. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { __noReload: true }));
const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

describe.skipIf(!ready)("KNOCK: door-knocking from a volunteer's phone", () => {
  const app = withBrowserApp(ADMIN, compound);
  const untested = async () => (await app.server.api("/api/untested")).body as { buildings: { households: { householdId: string }[] }[] };
  const untestedIds = async () => (await untested()).buildings.flatMap((b) => b.households.map((h) => h.householdId));

  it("KNOCK7 a phone picks its building and taps a unit: it leaves the list, the wall's householdsTested rises and the desk's list follows, no reload", async () => {
    const volunteer = await app.server.mint("volunteer", "phone");
    const display = await app.server.mint("display", "wall");
    const console = await phone(app.browser, `${app.server.url}/console?token=${volunteer}`);
    const doors = console.locator('[data-doors="console"]');

    const wall = await app.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${app.server.url}/wall?token=${display}`);
    await wall.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => kpi(wall, "householdsTested"), { timeout: 30_000 }).toBe(0);

    const desk = await app.browser.newPage();
    await desk.goto(`${app.server.url}/?token=${ADMIN}`);
    await desk.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const deskDoors = desk.locator('[data-doors="desk"]');
    await deskDoors.locator('[data-building="b2"][data-left="4"] button[aria-expanded]').click();
    await deskDoors.locator('[data-household="h2"]').waitFor({ timeout: 30_000 });
    expect(await deskDoors.locator("[data-building]").evaluateAll((els) => els.map((e) => e.getAttribute("data-building")))).toEqual([
      "b2",
      "b10",
    ]);
    await Promise.all([markPage(wall), markPage(desk), markPage(console)]);

    // Buildings in natural order; the phone remembers the choice.
    expect(await doors.locator("[data-pick-building]").allTextContents()).toEqual(["2号楼", "10号楼"]);
    await doors.locator('[data-pick-building="b2"]').tap();
    const units = doors.locator("[data-household]");
    await expect.poll(() => units.allTextContents(), { timeout: 30_000 }).toEqual(["101", "201", "301", "1001"]);
    const box = await doors.locator('[data-household="h2"]').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

    await doors.locator('[data-household="h2"]').tap();
    await doors.locator('[data-household="h2"]').waitFor({ state: "detached", timeout: 30_000 });
    await doors.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    expect(await untestedIds()).not.toContain("h2");
    await expect.poll(() => kpi(wall, "householdsTested"), { timeout: 30_000 }).toBe(1);
    await deskDoors.locator('[data-household="h2"]').waitFor({ state: "detached", timeout: 30_000 });
    await deskDoors.locator('[data-building="b2"][data-left="3"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => kpi(desk, "householdsTested"), { timeout: 30_000 }).toBe(1);

    // The desk taps a door too: the phone's list follows without a reload.
    await deskDoors.locator('[data-household="h3"]').click();
    await doors.locator('[data-household="h3"]').waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(() => kpi(wall, "householdsTested"), { timeout: 30_000 }).toBe(2);
    expect(await doors.locator("[data-doors-left]").getAttribute("data-doors-left")).toBe("2");
    expect(await Promise.all([notReloaded(wall), notReloaded(desk), notReloaded(console)])).toEqual([true, true, true]);

    await deskDoors.screenshot({ path: path.join(SCREENSHOTS, "desk-door-knocking.png") });
    copyFileSync(await screenshot(console, "console-door-knocking"), path.resolve("docs/console-door-knocking.png"));

    // A reload keeps the building: straight to its doors.
    await console.reload();
    await console.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => doors.locator("[data-household]").allTextContents(), { timeout: 30_000 }).toEqual(["301", "1001"]);
    await Promise.all([wall.close(), desk.close(), console.context().close()]);
  });

  it("KNOCK8 the household picker opens a request and records a test in a few taps, never an id typed in", async () => {
    const volunteer = await app.server.mint("volunteer", "picker");
    const page = await phone(app.browser, `${app.server.url}/console?token=${volunteer}`);
    const posted: string[] = [];
    page.on("request", (r) => r.method() === "POST" && posted.push(r.postData() ?? ""));

    await openTask(page, "request");
    const request = page.locator('form[data-form="request"]');
    await request.locator('[data-pick-building="b10"]').tap();
    await request.locator('[data-household="h6"]').tap();
    await request.locator('[data-picker="householdId"][data-picked="h6"]').waitFor();
    await request.locator('select[name="kind"]').selectOption("supplies");
    await request.locator('button[type="submit"]').tap();
    await request.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    const open = (await app.server.api("/api/requests")).body.requests as { householdId: string; kind: string; unit: string }[];
    expect(open).toContainEqual(expect.objectContaining({ householdId: "h6", kind: "supplies", unit: "102" }));
    // The form's reset clears the choice, so the next request starts from the building again.
    await request.locator('[data-picker="householdId"][data-picked=""]').waitFor();

    // Sending without a choice says what to do and posts nothing.
    const before = posted.length;
    await request.locator('button[type="submit"]').tap();
    await request.locator('[data-status="error"]').waitFor({ timeout: 30_000 });
    expect(posted.length).toBe(before);

    await openTask(page, "doors");
    const tested = page.locator('form[data-form="tested"]');
    await tested.locator('[data-pick-building="b10"]').tap();
    await tested.locator('[data-household="h5"]').tap();
    await tested.locator('button[type="submit"]').tap();
    await tested.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    expect(await untestedIds()).not.toContain("h5");
    expect(
      await page
        .locator("input:not([type=hidden]):not([type=checkbox])")
        .evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).value !== "").length),
    ).toBe(0);
    await page.context().close();
  });
});
