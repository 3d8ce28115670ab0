// Why: IMP6 in Chromium: the secretary chooses a file, reads the preview with its bad row, imports with a progress bar, and the counts follow.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";
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
    expect(await page.locator("[data-bad-line]").allTextContents()).toEqual(['Line 43"人数" must be a whole number from 1 to 50, not ""']);
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

    await expect.poll(() => page.locator('[data-kpi="householdsTotal"]').textContent(), { timeout: 30_000 }).toBe("602");
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
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe("导入登记表");
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
});
