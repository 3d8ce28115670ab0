// Why: a mistaken door tap is undone on a phone-sized screen: the tile stays in place with Undo, and the household is back untested.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "../support/axe";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { screenshot } from "../support/wall-page";

const ADMIN = "undo-admin-token-0123456789";
const ready = browserAvailable();

function compound() {
  const e = (type: string, payload: object) => ({ type, payload });
  const h = (householdId: string, unit: string) => e("household.registered", { householdId, buildingId: "b1", unit, residents: 2 });
  return [
    e("building.registered", { buildingId: "b1", label: "1号楼" }),
    ...["101", "102", "201", "202", "301", "302", "401"].map((u, i) => h(`h${i + 1}`, u)),
    e("volunteer.registered", { volunteerId: "v1", name: "李娜", phone: "13700137000" }),
    e("round.opened", { roundId: "r1", kind: "pcr", label: "第一轮全员核酸" }),
  ];
}

describe.skipIf(!ready)("FIX: undoing a door tap on a phone", () => {
  const app = withBrowserApp(ADMIN, compound);
  const untestedIds = async () =>
    ((await app.server.api("/api/untested")).body as { buildings: { households: { householdId: string }[] }[] }).buildings.flatMap((b) =>
      b.households.map((h) => h.householdId),
    );
  const tested = async () => (await app.server.api("/api/snapshot")).body.counts.householdsTested as number;

  it("FIX6 a tapped tile stays in place with Undo, the grid does not move; Undo puts the household back untested", async () => {
    const volunteer = await app.server.mint("volunteer", "phone");
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?token=${volunteer}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const doors = page.locator('[data-doors="console"]');
    await doors.locator('[data-pick-building="b1"]').tap();
    await doors.locator('[data-household="h3"]').waitFor({ timeout: 10_000 });
    const before = await doors.locator('[data-household="h4"]').boundingBox();

    await doors.locator('[data-household="h3"]').tap();
    const tile = doors.locator('[data-tapped="h3"]');
    await tile.waitFor({ timeout: 10_000 });
    await expect.poll(tested, { timeout: 10_000 }).toBe(1);
    expect(await untestedIds()).not.toContain("h3");
    // The neighbour did not move: the tapped tile kept its place and size.
    expect(await doors.locator('[data-household="h4"]').boundingBox()).toEqual(before);
    expect(await tile.locator("[data-undo]").textContent()).toBe("撤销");
    copyFileSync(await screenshot(page, "console-undo"), path.resolve("docs/console-undo.png"));

    await tile.locator('[data-undo="h3"]').tap();
    await expect.poll(tested, { timeout: 10_000 }).toBe(0);
    expect(await untestedIds()).toContain("h3");
    await doors.locator('[data-household="h3"]').waitFor({ timeout: 10_000 });
    expect(await doors.locator('[data-household="h4"]').boundingBox()).toEqual(before);
    await doors.locator('[data-status="ok"]').waitFor();
    expect(await doors.locator('[data-status="ok"]').textContent()).toContain("已撤销");
    const feed = (await app.server.api("/api/events?after=0&limit=1000")).body.events as { type: string; actor: string }[];
    expect(feed.filter((e) => e.type.startsWith("household.test")).map((e) => [e.type, e.actor])).toEqual([
      ["household.tested", "phone"],
      ["household.test_undone", "phone"],
    ]);

    // Not undone, the tile lets go after a few seconds and the door has left the list.
    await doors.locator('[data-household="h5"]').tap();
    await doors.locator('[data-tapped="h5"]').waitFor({ timeout: 10_000 });
    await doors.locator('[data-tapped="h5"]').waitFor({ state: "detached", timeout: 20_000 });
    await expect.poll(() => doors.locator("[data-household]").allTextContents()).not.toContain("301");
    await context.close();
  });

  it("FIX15 a volunteer undoes their own door tap and check-in from the phone's sent list after the tile let go, within 10 minutes", async () => {
    const token = (await app.server.api("/api/tokens", { role: "volunteer", label: "李娜", volunteerId: "v1" })).body.token as string;
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const counts = async () =>
      (await app.server.api("/api/snapshot")).body.counts as { volunteersOnDuty: number; householdsTested: number };
    const before = await counts();

    await openTask(page, "duty");
    const checkIn = page.locator('form[data-form="check-in"]');
    await checkIn.locator('input[name="volunteerId"][data-own-volunteer]').waitFor({ timeout: 15_000 });
    await checkIn.locator('select[name="post"]').selectOption({ index: 0 });
    await checkIn.getByRole("button").tap();
    await checkIn.locator('[data-status="ok"]').waitFor({ timeout: 15_000 });
    expect((await counts()).volunteersOnDuty).toBe(before.volunteersOnDuty + 1);

    await openTask(page, "doors");
    const doors = page.locator('[data-doors="console"]');
    await doors.locator('[data-pick-building="b1"]').tap();
    await doors.locator('[data-household="h6"]').tap();
    await doors.locator('[data-tapped="h6"]').waitFor({ timeout: 10_000 });
    await doors.locator('[data-tapped="h6"]').waitFor({ state: "detached", timeout: 20_000 });
    expect((await counts()).householdsTested).toBe(before.householdsTested + 1);

    // The sent list: each of the two offers 撤销, named for what it undoes.
    await openTask(page, "outbox");
    const box = page.locator("[data-outbox]");
    await box.locator("details summary").tap();
    const sentRow = (type: string) => box.locator(`[data-type="${type}"][data-state="sent"]`);
    const undoTap = sentRow("household.tested").locator("[data-undo-sent]");
    await undoTap.waitFor({ timeout: 10_000 });
    expect(await undoTap.textContent()).toBe("撤销");
    expect(await undoTap.getAttribute("aria-label")).toBe("撤销：登记采样 1号楼 302");
    expect(await sentRow("volunteer.checked_in").textContent()).toContain("李娜");
    const v = await seriousViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
    copyFileSync(await screenshot(page, "console-undo-sent"), path.resolve("docs/console-undo-sent.png"));

    await undoTap.tap();
    await sentRow("household.tested").locator("[data-undone]").waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await counts()).householdsTested, { timeout: 15_000 }).toBe(before.householdsTested);
    expect(await untestedIds()).toContain("h6");
    expect(await box.locator('[data-type="household.test_undone"]').first().textContent()).toContain("撤销采样");

    await sentRow("volunteer.checked_in").locator("[data-undo-sent]").tap();
    await sentRow("volunteer.checked_in").locator("[data-undone]").waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await counts()).volunteersOnDuty, { timeout: 15_000 }).toBe(before.volunteersOnDuty);
    const feed = (await app.server.api("/api/events?after=0&limit=1000")).body.events as { type: string; actor: string }[];
    expect(feed.filter((e) => e.type.endsWith("_undone") && e.actor === "volunteer:v1").map((e) => e.type)).toEqual([
      "household.test_undone",
      "volunteer.checkin_undone",
    ]);
    await context.close();
  });
});
