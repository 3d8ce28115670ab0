// The daily report (/report) in Chromium: a seeded day's figures on the page, the day picker, the language switch, the CSV, and one A4 page of PDF.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { REPORT } from "../../app/_i18n/report";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { DAY, EXPECTED, reportDay } from "../support/report-day";
import { waitFor } from "../support/wait";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "report-admin-token-0123456789";
const ready = browserAvailable();
const RESULTS = path.resolve("test-results");

const figure = async (page: Page, name: string) =>
  Number((await page.locator(`[data-figure="${name}"]`).textContent())?.replace(/[^0-9.]/g, ""));

/** The first page of `pdf` as a PNG: poppler's pdftoppm when installed, else Chromium's own PDF viewer. */
async function firstPagePng(page: Page, pdf: string, png: string): Promise<string> {
  if (existsSync("/usr/bin/pdftoppm")) {
    execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, png.replace(/\.png$/, "")]);
    return "pdftoppm";
  }
  await page.setViewportSize({ width: 850, height: 1202 });
  await page.goto(`file://${pdf}#toolbar=0&navpanes=0&view=Fit`);
  // The viewer draws in its own process: wait until two screenshots a moment apart agree and hold more than a blank page.
  let last: Buffer = Buffer.alloc(0);
  await waitFor(
    async () => {
      const shot = await page.screenshot();
      const same = shot.equals(last) && shot.length > 40_000;
      last = shot;
      return same;
    },
    "Chromium's PDF viewer to draw the page",
    20_000,
    500,
  );
  writeFileSync(png, last);
  return "chromium-pdf-viewer";
}

describe.skipIf(!ready)("REPORT: the printed daily report", () => {
  const app = withBrowserApp(ADMIN, () => reportDay("default"));

  it("REPORT11 /report?date= shows the seeded day's figures as the API has them, in English and Chinese; the picker moves to another day; the CSV link downloads", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1100, height: 1400 }, locale: "en-GB", acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/report?date=${DAY}&token=${ADMIN}`);
    expect(page.url()).toBe(`${app.server.url}/report?date=${DAY}`);
    await page.locator(`[data-report-sheet][data-date="${DAY}"]`).waitFor({ timeout: 15_000 });
    const api = (await app.server.api(`/api/reports/daily?community=default&date=${DAY}`)).body;
    expect(api).toEqual(EXPECTED);
    for (const k of ["householdsTested", "positives", "buildingsSealed", "buildingsUnsealed"] as const)
      expect(await figure(page, k), k).toBe(api[k]);
    expect(await figure(page, "opened")).toBe(3);
    expect(await figure(page, "decided")).toBe(3);
    expect(await page.locator("[data-figure=median]").textContent()).toBe("60 min");
    expect(JSON.parse((await page.locator("[data-hours]").getAttribute("data-hours")) ?? "")).toEqual({ gate: 2, testing: 3.5 });
    expect(await page.locator('[data-hour="9"]').getAttribute("data-count")).toBe("2");
    expect(
      await page
        .locator("[data-release]")
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-release"), r.getAttribute("data-basis")])),
    ).toEqual([
      ["q1", "override"],
      ["q3", "override"],
    ]);
    expect(await page.locator('[data-release="q1"]').textContent()).toContain("奔丧 funeral");
    expect(await page.locator('[data-building="b2"]').getAttribute("data-positives")).toBe("1");
    // FIX8 the per-building table lines up with its header: each figure under its own heading.
    const heads = await page.locator("[data-building-table] thead th").allTextContents();
    const at = await page.locator('[data-building="b2"]').evaluate((td) => (td as HTMLTableCellElement).cellIndex);
    expect(heads.slice(at, at + 3)).toEqual([REPORT.en.building, REPORT.en.tested, REPORT.en.positive]);
    expect(await page.locator('[data-building="b2"] ~ [data-col="positives"]').textContent()).toBe("1");
    expect(await page.locator("[data-coverage]").getAttribute("data-coverage")).toBe("4/4");
    expect(await page.locator("[data-sealed-building]").allTextContents()).toEqual([expect.stringContaining("10号楼")]);
    expect(await page.locator("[data-report-heading]").textContent()).toContain("our compound");
    expect(await page.locator("[data-report-heading]").textContent()).not.toContain("default");
    const [table] = await Promise.all([page.waitForEvent("download"), page.locator("[data-report-table]").click()]);
    expect(readFileSync((await table.path()) ?? "").toString("utf8")).toContain(
      "This round's coverage,第5轮核酸: 4 households tested of 4 to test",
    );
    expect(await page.locator("[data-report-sheet] h1").textContent()).toBe("Daily report");

    // The CSV link carries the day and downloads the file with its BOM.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-report-csv]").click()]);
    const csv = readFileSync((await download.path()) ?? "");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("summary,householdsTested,,3,");

    // Chinese: the same numbers under Chinese words.
    await page.getByRole("button", { name: "中文" }).click();
    await page.locator("[data-report-sheet] h1", { hasText: "疫情防控工作日报" }).waitFor({ timeout: 30_000 });
    expect(await figure(page, "householdsTested")).toBe(3);
    expect(await page.locator("[data-figure=median]").textContent()).toBe("60 分钟");
    await page.screenshot({ path: path.join(SCREENSHOTS, "daily-report-zh.png"), fullPage: true });

    // The picker: the next day, and the address follows.
    await page.locator("[data-report-date]").fill("2026-04-06");
    await page.locator('[data-report-sheet][data-date="2026-04-06"]').waitFor({ timeout: 30_000 });
    expect(page.url()).toContain("date=2026-04-06");
    expect(await figure(page, "householdsTested")).toBe(0);
    expect(await figure(page, "positives")).toBe(1);
    await context.close();
  });

  it("HIST7 the desk's history link by a request opens its history: who did what, recorded and dated times, in both languages; docs/history.png", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.locator('[data-history-link="q1"]').click();
    await page.waitForURL(`${app.server.url}/history?entity=request&id=q1`);
    await page.locator('[data-history="2"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-event]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event")))).toEqual([
      "request.opened",
      "request.approved",
    ]);
    expect(await page.locator('[data-event="request.opened"] [data-sentence]').textContent()).toBe(
      "Leave request q1 opened for 1号楼 101 (张伟)",
    );
    expect(await page.locator('[data-event="request.approved"] [data-sentence]').textContent()).toBe(
      "Request q1 approved with an override: 奔丧 funeral",
    );
    expect(await page.locator('[data-event="request.approved"] [data-actor]').textContent()).toBe("administrator");
    expect(await page.locator('[data-event="request.approved"]').textContent()).toContain("dated");
    await page.getByRole("button", { name: "中文" }).click();
    await page
      .locator('[data-event="request.approved"] [data-sentence]', { hasText: "批准申请 q1（特批：奔丧 funeral）" })
      .waitFor({ timeout: 30_000 });
    // The server's own sign-in is named in the screen's language, never by its variable's name.
    expect(await page.locator('[data-event="request.approved"] [data-actor]').textContent()).toBe("管理员");
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "history-request.png");
    await page.screenshot({ path: shot });
    copyFileSync(shot, path.resolve("docs/history.png"));
    await context.close();
  });

  it("REPORT12 printed with Chromium it is one A4 page holding the figures; its first page becomes docs/daily-report.png", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1100, height: 1400 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/report?date=${DAY}&token=${ADMIN}`);
    await page.locator(`[data-report-sheet][data-date="${DAY}"]`).waitFor({ timeout: 15_000 });
    await page.locator("[data-report-sheet] h1", { hasText: "疫情防控工作日报" }).waitFor({ timeout: 30_000 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-report-csv]").isVisible()).toBe(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = path.join(RESULTS, "daily-report.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const text = readFileSync(pdf, "latin1");
    expect(text.match(/\/Type\s*\/Page\b/g)?.length, "pages in the PDF").toBe(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    // A4 is 595.3 × 841.9 points; Chromium writes it rounded to whole points.
    expect(Math.abs(Number(box?.[1]) - 595.3), `page width ${box?.[1]} pt`).toBeLessThan(1.5);
    expect(Math.abs(Number(box?.[2]) - 841.9), `page height ${box?.[2]} pt`).toBeLessThan(1.5);
    const png = path.join(SCREENSHOTS, "daily-report.png");
    const how = await firstPagePng(page, pdf, png);
    console.log(`daily report page 1 rendered by ${how}`);
    copyFileSync(png, path.resolve("docs/daily-report.png"));
    await context.close();
  });
});
