// Why: with the screen in Chinese, the server's refusals and the release rule's reasons read in Chinese, never in the server's English.
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { hoursBefore, smallCompound } from "../support/fixtures";

const ADMIN = "reasons-zh-admin-token-0123456789";
const ready = browserAvailable();
/** An English sentence of the server's: three words in a row. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

describe.skipIf(!ready)("I18N: the screens in Chinese", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("I18N9 a refused console action reads in Chinese", async () => {
    const token = await app.server.mint("volunteer", "phone");
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?lang=zh-CN&token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await openTask(page, "duty");
    const checkIn = page.locator('form[data-form="check-in"]');
    for (const _ of [1, 2]) {
      await checkIn.locator('input[name="volunteerId"]').fill("v1");
      await checkIn.locator('select[name="post"]').selectOption("gate");
      await checkIn.getByRole("button").click();
      await checkIn.locator("[data-status]").waitFor({ timeout: 30_000 });
    }
    await expect.poll(() => checkIn.locator('[data-status="error"]').textContent()).toBe("志愿者 v1 已在岗：请先签退。");
    await context.close();
  });

  it("I18N10 the desk's Needs line and a refused desk form read in Chinese", async () => {
    const events = [
      { type: "request.opened", payload: { requestId: "L1", householdId: "h1", kind: "leave" } },
      { type: "request.document_added", payload: { requestId: "L1", document: "test_report", testedAt: hoursBefore(53.5) } },
    ];
    expect((await app.server.api("/api/events", { events })).status).toBe(201);
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?lang=zh-CN&token=${ADMIN}`);
    const needs = page.locator('[data-request="L1"] [data-release="blocked"]');
    await needs.waitFor({ timeout: 15_000 });
    const text = (await needs.textContent()) ?? "";
    expect(text).toContain("签字的承诺书");
    expect(text).toContain("53 小时");
    expect(text).not.toMatch(ENGLISH);
    // A refused desk form (a post name the server does not take) says why in Chinese.
    const form = page.locator("form").filter({ has: page.locator('input[name="minimum"]') });
    await form.locator('input[name="post"]').fill("!!");
    await form.locator('input[name="minimum"]').fill("2");
    await form.locator('button[type="submit"]').click();
    const status = page.locator('[data-minimum-status="error"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe("“岗位”须为简短的名称（字母、数字、空格、- 或 _），如“门岗”");
    await context.close();
  });

  it("I18N11 an import preview's bad row reads in Chinese", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/import?lang=zh-CN&token=${ADMIN}`);
    // The language is chosen once the page is hydrated: wait for it, as a reader would.
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 15_000 }).toBe("导入登记表");
    const file = "楼栋,室号,人数\n9号楼,901,abc\n9号楼,902,2\n";
    await page.locator('input[name="file"]').setInputFiles({ name: "households.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.locator('[data-preview="400"]').waitFor({ timeout: 15_000 });
    const row = (await page.locator('[data-bad-line="2"]').textContent()) ?? "";
    expect(row).toMatch(/^第 2 行/);
    expect(row).toContain("须为 0 到 50 的整数");
    expect(row).not.toMatch(ENGLISH);
    await context.close();
  });
});
