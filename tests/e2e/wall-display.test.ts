import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { browserAvailable, launchBrowser } from "../support/browser";
import { personalIn, personalRequest } from "../support/wall";
import { wallCompound } from "../support/wall-compound";
import { expectKpisEqual, kpi, recordFrames, screenshot, scrolls } from "../support/wall-page";

const ADMIN = "e2e-admin-token-wall-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("WALL: the wall display in a real browser", () => {
  let server: AppServer;
  let browser: Browser;
  let display: string;
  const api = (p: string, body?: unknown) => server.api(p, body);
  const snapshot = async () => (await api("/api/snapshot")).body as { seq: number; counts: Record<string, number> };
  const post = async (body: unknown) => expect((await api("/api/events", body)).status).toBe(201);

  /** Opens the wall signed in with the display token, waits until it is live and shows the feed's head. */
  async function openWall(width: number, height: number, query = ""): Promise<{ page: Page; frames: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const frames = recordFrames(page);
    await page.goto(`${server.url}/wall?token=${display}`);
    if (query) await page.goto(`${server.url}/wall?${query}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await page.locator("[data-building]").first().waitFor({ timeout: 30_000 });
    await expectKpisEqual(page, (await snapshot()).counts);
    return { page, frames, close: () => context.close() };
  }

  beforeAll(async () => {
    server = await startAppServer(ADMIN);
    await post({ events: wallCompound() });
    await post({
      events: [
        { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } },
        { type: "volunteer.checked_in", payload: { volunteerId: "v1", post: "gate" } },
        { type: "post.minimum_set", payload: { post: "gate", minimum: 2 } },
        personalRequest("q1", "h3"),
      ],
    });
    display = await server.mint("display", "office wall");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("WALL19 at 1920×1080: no scrolling, the numbers, grid, queue and alarms follow posted events; nothing personal reaches the page", async () => {
    const { page, frames, close } = await openWall(1920, 1080);
    expect(await scrolls(page)).toBe(false);
    // The three charts arrive as the server's SVG, sized to their cards.
    await expect.poll(() => page.locator("[data-chart] svg.recharts-surface").count(), { timeout: 30_000 }).toBe(3);
    const before = await kpi(page, "householdsTested");
    const b1 = page.locator('[data-building="b1"] [data-tested-share]');
    expect(await b1.textContent()).toBe("50%");
    expect(await page.locator("[data-queue-item]").count()).toBe(5);
    expect(await page.locator('[data-alarm="warn"]').count()).toBe(1);

    await post({
      events: [
        { type: "household.tested", payload: { roundId: "r1", householdId: "h2" } },
        { type: "building.sealed", payload: { buildingId: "b2" } },
        personalRequest("q2", "h1", true),
      ],
    });
    await expect.poll(() => kpi(page, "householdsTested"), { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => b1.textContent(), { timeout: 30_000 }).toBe("100%");
    await expect.poll(() => page.locator('[data-building="b2"]').getAttribute("data-sealed"), { timeout: 30_000 }).toBe("true");
    await expect.poll(() => page.locator("[data-queue-item]").count(), { timeout: 30_000 }).toBe(6);
    expect(await page.locator('[data-queue-item][data-urgent="true"]').count()).toBe(1);
    const alarm = page.locator('[role="alert"] [data-alarm="alarm"]');
    await expect.poll(() => alarm.count(), { timeout: 30_000 }).toBe(1);
    expect(await alarm.textContent()).toContain("Building 1");
    await expectKpisEqual(page, (await snapshot()).counts);
    expect(await scrolls(page)).toBe(false);
    await screenshot(page, "wall-1080p");

    await post({ type: "request.rejected", payload: { requestId: "q2", reason: "sent to the clinic" } });
    await expect.poll(() => alarm.count(), { timeout: 30_000 }).toBe(0);
    await expectKpisEqual(page, (await snapshot()).counts);

    const positive = (
      await api("/api/events", { type: "test.result", payload: { roundId: "r1", householdId: "h3-1", result: "positive" } })
    ).body;
    await expect.poll(() => page.locator('[data-building="b3"]').getAttribute("data-positive"), { timeout: 30_000 }).toBe("true");
    await expect.poll(() => alarm.count(), { timeout: 30_000 }).toBe(1);
    expect(await alarm.textContent()).toContain("Building 3");
    await post({ type: "alert.acknowledged", payload: { alertId: positive.accepted[0].seq } });
    await expect.poll(() => alarm.count(), { timeout: 30_000 }).toBe(0);

    expect(frames.length).toBeGreaterThan(3);
    expect(personalIn(frames.join("\n"))).toEqual([]);
    expect(personalIn(await page.content())).toEqual([]);
    await close();
  });

  it("WALL23 when the server reports a new build, the wall reloads itself once", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    let beats = 0;
    // Pass the socket through, turning every heartbeat after the first into one from a new build.
    await page.routeWebSocket(/socket\.io/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => {
        const text = typeof m === "string" ? m : m.toString("utf8");
        if (!text.startsWith('42["heartbeat"')) return ws.send(m);
        beats++;
        ws.send(beats > 1 ? text.replace(/"version":"[^"]*"/, '"version":"next-build"') : text);
      });
      ws.onMessage((m) => upstream.send(m));
    });
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`${server.url}/wall?token=${display}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const first = loads;
    await expect.poll(() => loads, { timeout: 30_000, interval: 200 }).toBe(first + 1);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => sessionStorage.getItem("cordon.reloadedFor"))).toBe("next-build");
    const beatsAfterReload = beats;
    await expect.poll(() => beats, { timeout: 25_000, interval: 500 }).toBeGreaterThan(beatsAfterReload + 1);
    expect(loads).toBe(first + 1);
    await context.close();
  });

  it("WALL20 at 3840×2160: no scrolling, every number equals /api/snapshot", async () => {
    const { page, close } = await openWall(3840, 2160);
    expect(await scrolls(page)).toBe(false);
    const size = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(size).toBe(32);
    await screenshot(page, "wall-4k");
    await close();
  });

  it("WALL21 ?lang=zh-CN shows the wall in Chinese, numbers unchanged", async () => {
    const { page, close } = await openWall(1920, 1080, "lang=zh-CN");
    expect(await page.locator("h1").textContent()).toBe("本小区 · 小区实况");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.locator("[data-connection]").textContent()).toContain("实时");
    expect(await page.locator("main").textContent()).toContain("待处理请求");
    expect(await page.evaluate(() => document.fonts.check("16px 'Noto Sans CJK SC'", "小区"))).toBe(true);
    expect(await scrolls(page)).toBe(false);
    await screenshot(page, "wall-zh-CN");
    await close();
  });
});
