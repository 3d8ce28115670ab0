// Why: a committee goes from the demo to its own compound from the desk alone, and the wall follows without a touch.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { browserAvailable, launchBrowser } from "../support/browser";

const ADMIN = "demo-clear-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("DEMO: clearing the demo from the desk", () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startAppServer(ADMIN, { DEMO: "1", DEMO_TICK_MS: "3600000" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("DEMO6 the desk's Clear the demo, confirmed, leads to the import; the wall drops its demo banner and shows zero; the committee's file imports where the demo was", async () => {
    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await wallContext.newPage();
    await wall.goto(`${server.url}/wall?token=${await server.mint("display", "office wall")}`);
    await wall.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await wall.locator("[data-demo]").waitFor();
    await expect.poll(() => wall.locator('[data-kpi="householdsTotal"]').textContent()).toBe("1,383");

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const desk = await context.newPage();
    await desk.goto(`${server.url}/?token=${ADMIN}`);
    await desk.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    // Cancel posts nothing.
    await desk.locator("[data-clear-demo]").click();
    const dialog = desk.locator('dialog[data-confirm="demo-clear"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Links minted for demo volunteers stop working");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await server.api("/api/snapshot")).body.demo).toBe(true);

    await desk.locator("[data-clear-demo]").click();
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await desk.waitForURL(/\/import$/, { timeout: 30_000 });
    expect((await server.api("/api/snapshot")).body).toMatchObject({ demo: false, counts: { householdsTotal: 0 } });

    // The wall, untouched, follows: no demo banner, no demo numbers.
    await expect.poll(() => wall.locator("[data-demo]").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => wall.locator('[data-kpi="householdsTotal"]').textContent(), { timeout: 30_000 }).toBe("0");

    await desk.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(await desk.locator("[data-demo]").count()).toBe(0);
    const file = "楼栋,室号,人数,联系人,电话\n1号楼,101,3,王小明,13800000001\n1号楼,102,2,李四,13800000002\n";
    await desk.locator('input[name="file"]').setInputFiles({ name: "households.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await desk.locator('[data-preview="200"]').waitFor({ timeout: 15_000 });
    await desk.locator("[data-import-button]").click();
    await desk.locator('[data-import-result="ok"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => wall.locator('[data-kpi="householdsTotal"]').textContent(), { timeout: 30_000 }).toBe("2");
    await context.close();
    await wallContext.close();
  });
});
