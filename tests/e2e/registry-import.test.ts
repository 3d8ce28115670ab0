// Why: IMP6 and IMP13 in Chromium: the secretary chooses a file, reads the preview with its bad row, imports with a progress bar, and the counts follow.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";
import { committeeHouseholds } from "../support/registry-corpus";
import { householdsCsv } from "../support/registry-files";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "import-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("IMP: the secretary's import screen", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("IMP6 choose a file, see new and bad rows by line, skip the bad one, import with a bar that reaches 100 %, counts follow; a changed file's preview is docs/import-preview.png", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.locator("a[data-import-link]").click();
    await page.waitForURL(/\/import$/);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('[data-kpi="householdsTotal"]').textContent()).toBe("3");

    const file = householdsCsv(600, (c, i) => (i === 41 ? [c[0], c[1], "", c[3], c[4]] : c) as string[]);
    await page.locator('input[name="file"]').setInputFiles({ name: "households.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.locator('[data-preview="400"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-count="new.households"]').textContent()).toBe("599");
    expect(await page.locator('[data-count="new.buildings"]').textContent()).toBe("6");
    expect(await page.locator("[data-bad-line]").allTextContents()).toEqual([
      'Line 43"人数" must be a whole number from 0 to 50 (0 or 空置 for a vacant flat), not ""',
    ]);
    expect(await page.locator("[data-import-button]").isDisabled()).toBe(true);

    await page.locator('input[name="skipBadRows"]').check();
    await page.locator('[data-preview="200"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-bad-line]").getAttribute("data-bad-line")).toBe("43");
    // Every width the bar takes is recorded, to see it climb rather than jump.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const v = document.querySelector("[data-progress]")?.getAttribute("data-progress");
        if (v !== null && v !== undefined && seen.at(-1) !== Number(v)) seen.push(Number(v));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-progress"] });
    });
    await page.locator("[data-import-button]").click();
    await page.locator('[data-import-result="ok"]').waitFor({ timeout: 60_000 });
    expect(await page.locator("[data-progress]").getAttribute("data-progress")).toBe("100");
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.at(-1)).toBe(100);
    expect(
      seen.some((v) => v > 20 && v < 100),
      `progress seen: ${seen.join(", ")}`,
    ).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    await expect.poll(() => page.locator('[data-kpi="householdsTotal"]').textContent(), { timeout: 5000 }).toBe("602");
    await expect.poll(() => page.locator('[data-kpi="buildingsTotal"]').textContent()).toBe("8");
    expect((await app.server.api("/api/snapshot")).body.counts).toMatchObject({ householdsTotal: 602, buildingsTotal: 8 });
    // The preview is read again after the import: the same file now changes nothing, and offers no import.
    await expect.poll(() => page.locator('[data-count="unchanged.households"]').textContent(), { timeout: 15_000 }).toBe("599");
    expect(await page.locator("[data-import-button]").isDisabled()).toBe(true);
    expect(await page.locator("[data-import-result]").getAttribute("data-import-result")).toBe("ok");

    // The next version of the file: five rows changed, twenty new ones in a new building, the bad row still bad; its preview is docs/import-preview.png.
    const next = householdsCsv(
      620,
      (c, i) => (i === 41 ? [c[0], c[1], "", c[3], c[4]] : i < 5 ? [c[0], c[1], String((i % 5) + 2), c[3], c[4]] : c) as string[],
    );
    await page.locator('input[name="file"]').setInputFiles({ name: "households-v2.csv", mimeType: "text/csv", buffer: Buffer.from(next) });
    await expect.poll(() => page.locator('[data-count="new.households"]').textContent(), { timeout: 15_000 }).toBe("20");
    expect(await page.locator('[data-count="new.buildings"]').textContent()).toBe("1");
    expect(await page.locator('[data-count="changed.households"]').textContent()).toBe("5");
    expect(await page.locator('[data-count="unchanged.households"]').textContent()).toBe("594");
    expect(await page.locator("[data-changed-line]").evaluateAll((els) => els.map((e) => e.getAttribute("data-changed-line")))).toEqual([
      "2",
      "3",
      "4",
      "5",
      "6",
    ]);
    // Each changed row says what it was and what it becomes.
    expect(await page.locator('[data-changed-line="2"] [data-diff="residents"]').textContent()).toBe("residents 1 → 2");
    expect(await page.locator("[data-bad-line]").getAttribute("data-bad-line")).toBe("43");
    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "import-preview.png");
    await page.screenshot({ path: shot });
    copyFileSync(shot, path.resolve("docs/import-preview.png"));

    // In Chinese, the same preview: the bad row's line in Chinese words, the counts unchanged.
    await page.goto(`${app.server.url}/import?lang=zh-CN`);
    // The language is applied once the page has hydrated.
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("导入登记表");
    await page.locator('input[name="file"]').setInputFiles({ name: "households.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.locator('[data-preview="400"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-bad-line="43"]').textContent()).toMatch(/^第 43 行/);
    // The changed file in Chinese: each change names its field in Chinese, with what it was and becomes.
    await page.locator('input[name="file"]').setInputFiles({ name: "households-v2.csv", mimeType: "text/csv", buffer: Buffer.from(next) });
    await expect
      .poll(() => page.locator('[data-changed-line="2"] [data-diff="residents"]').textContent(), { timeout: 15_000 })
      .toBe("人数 1 → 2");
    await page.locator("[data-changed-line]").last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "import-preview-zh.png") });
    await context.close();
  });

  it("IMP13 in Chinese: a committee's workbook shows its header line and each column read or 不导入; a column set to 不导入 is followed; the duplicate and the 合计 row are listed, and the skipped rows stay on screen after the import; docs/import-mapping.png", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.goto(`${app.server.url}/import?community=xingfu&lang=zh-CN`);
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe("导入登记表");
    const f = await committeeHouseholds();
    const [dup] = f.bad;
    const [total] = f.skipped;
    await page.locator('input[name="file"]').setInputFiles({ name: f.name, mimeType: f.type, buffer: Buffer.from(f.bytes) });
    await page.locator('[data-preview="400"] [data-header-line="3"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-header-line]").textContent()).toBe("表头：第 3 行");
    const fields = await page
      .locator("[data-column]")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-column"), e.getAttribute("data-field")]));
    expect(fields).toEqual([
      ["序号", "ignore"],
      ["楼号", "building"],
      ["单元", "entrance"],
      ["室号", "unit"],
      ["户主姓名", "name"],
      ["联系电话", "phone"],
      ["人数", "residents"],
      ["备注", "ignore"],
    ]);
    expect(await page.locator('[data-column="序号"] select option:checked').textContent()).toBe("不导入");
    expect(await page.locator('[data-column="单元"] select option:checked').textContent()).toBe("单元");
    expect(await page.locator(`[data-bad-line="${dup}"]`).textContent()).toBe(`第 ${dup} 行与第 4 行是同一住户（1号楼 101），请只保留一行`);
    expect(await page.locator(`[data-skipped-line="${total}"]`).textContent()).toBe(`第 ${total} 行：合计`);
    expect(await page.locator('[data-count="new.households"]').textContent()).toBe(String(f.households?.length));

    // The secretary sets 联系电话 to 不导入: the preview follows; then back to 电话.
    await page.locator('[data-column="联系电话"] select').selectOption("ignore");
    await page.locator('[data-column="联系电话"][data-field="ignore"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-column="联系电话"]').textContent()).toContain("已手动指定");
    await page.locator('[data-column="联系电话"] select').selectOption("phone");
    await page.locator('[data-column="联系电话"][data-field="phone"]').waitFor({ timeout: 15_000 });

    await page.locator('input[name="skipBadRows"]').check();
    await page.locator('[data-preview="200"]').waitFor({ timeout: 15_000 });
    await page.locator("[data-import-button]").click();
    await page.locator('[data-import-result="ok"]').waitFor({ timeout: 60_000 });
    const left = `跳过了 1 行有误的行（第 ${dup} 行）；1 行合计未导入。`;
    expect(await page.locator("[data-import-skipped]").textContent()).toBe(left);
    // The preview is read again (now all unchanged); what was skipped is still said.
    await expect
      .poll(() => page.locator('[data-count="unchanged.households"]').textContent(), { timeout: 15_000 })
      .toBe(String(f.households?.length));
    expect(await page.locator("[data-import-skipped]").textContent()).toBe(left);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "import-mapping.png");
    await page.screenshot({ path: shot, fullPage: true });
    copyFileSync(shot, path.resolve("docs/import-mapping.png"));

    // An old .xls is refused in Chinese, saying to save it as .xlsx.
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await page.locator('input[name="file"]').setInputFiles({ name: "登记表.xls", mimeType: "application/vnd.ms-excel", buffer: xls });
    await page.locator('[data-preview="415"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-bad-line], [data-preview-error]").first().textContent()).toContain("请另存为 .xlsx");
    await context.close();
  });
});
