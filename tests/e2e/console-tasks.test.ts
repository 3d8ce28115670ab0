// Why: the console is task first: a few big buttons, one task shown at a time, kept across a reload.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { smallCompound } from "../support/fixtures";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "tasks-admin-token-0123456789";
const ready = browserAvailable();
const TASKS = ["doors", "duty", "request", "decided", "outbox"] as const;

describe.skipIf(!ready)("CONSOLE: task first", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("CONSOLE2 the console opens on knocking doors under five task buttons (≥ 48 px); one task is shown at a time, each under two screens, and a reload keeps it", async () => {
    const token = await app.server.mint("volunteer", "tasks phone");
    const context = await app.browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
      locale: "zh-CN",
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const shown = () => page.locator("[data-task]:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-task")));
    expect(await shown()).toEqual(["doors"]);
    expect(await page.locator('[data-task-tab="doors"]').getAttribute("aria-pressed")).toBe("true");
    for (const t of TASKS) {
      const box = await page.locator(`[data-task-tab="${t}"]`).boundingBox();
      expect(box?.height ?? 0, t).toBeGreaterThanOrEqual(48);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "console-tasks.png");
    await page.screenshot({ path: shot });
    copyFileSync(shot, path.resolve("docs/console-tasks.png"));

    const heights: Record<string, number> = {};
    for (const t of TASKS) {
      await openTask(page, t);
      expect(await shown()).toEqual([t]);
      expect(await page.locator(`[data-task-tab="${t}"]`).getAttribute("aria-pressed")).toBe("true");
      heights[t] = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), t).toBe(true);
    }
    // Each task fits in about two phone screens (the old single page was some 5,800 px long).
    for (const t of TASKS) expect(heights[t], `${t}: ${JSON.stringify(heights)}`).toBeLessThan(2 * 780);

    // A half-filled form waits while another task is shown; a reload keeps the task.
    await openTask(page, "duty");
    await page.locator('form[data-form="check-in"] input[name="volunteerId"]').fill("v2");
    await openTask(page, "decided");
    await openTask(page, "duty");
    expect(await page.locator('form[data-form="check-in"] input[name="volunteerId"]').inputValue()).toBe("v2");
    await page.reload();
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(await shown()).toEqual(["duty"]);
    expect(page.url()).toMatch(/#duty$/);
    await context.close();
  });
});
