// Why: the wall is read from across the room: the grid legible from 12 to 120 buildings, no text small or faint.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { browserAvailable, launchBrowser } from "../support/browser";
import { auditGrid, auditText, buildingsFrom, gridProblems } from "../support/wall-legibility";
import { screenshot, scrolls } from "../support/wall-page";

const ADMIN = "e2e-admin-token-legible-0123456789";
const ready = browserAvailable();
const MIN_PX = 18;
const MIN_RATIO = 4.5;
const POSTS = [
  { post: "testing", nameZh: "核酸采样", nameEn: "Testing" },
  { post: "gate", nameZh: "门岗", nameEn: "Gate" },
  { post: "delivery", nameZh: "物资配送", nameEn: "Delivery" },
  { post: "medicine", nameZh: "送药", nameEn: "Medicine" },
  { post: "registry", nameZh: "登记", nameEn: "Registry" },
];

describe.skipIf(!ready)("WALL-LEG: the wall legible across the room", () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  const post = async (body: unknown) => {
    const r = await server.api("/api/events", body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  /** Grows the compound to `n` buildings and waits until the wall shows them all. */
  const grow = async (from: number, n: number) => {
    await post({ events: buildingsFrom(from, n) });
    await expect.poll(() => page.locator("[data-building]").count(), { timeout: 30_000 }).toBe(n);
    // The grid re-plans once it has measured itself: wait until every tile holds its label.
    await expect.poll(async () => gridProblems(await auditGrid(page), MIN_PX), { timeout: 30_000 }).toEqual([]);
  };

  beforeAll(async () => {
    server = await startAppServer(ADMIN);
    const volunteers = Array.from({ length: 30 }, (_, i) => ({
      type: "volunteer.registered",
      payload: { volunteerId: `v${i + 1}`, name: `Helper ${i + 1}`, phone: "13700137000" },
    }));
    await post({
      events: [
        ...POSTS.map((payload) => ({ type: "post.registered", payload })),
        ...volunteers,
        { type: "round.opened", payload: { roundId: "r1", kind: "pcr" } },
        ...buildingsFrom(1, 12),
        ...volunteers.slice(0, 17).map((v, i) => ({
          type: "volunteer.checked_in",
          payload: { volunteerId: v.payload.volunteerId, post: [POSTS[i % 5]?.nameZh, "Gate", "testing"][i % 3] },
        })),
        ...POSTS.map((p, i) => ({ type: "post.minimum_set", payload: { post: p.nameEn, minimum: [8, 6, 1, 1, 1][i] } })),
        { type: "building.sealed", payload: { buildingId: "b7", reason: "close contact" } },
        { type: "test.result", payload: { roundId: "r1", householdId: "h3-1", result: "positive" } },
        ...Array.from({ length: 9 }, (_, i) => ({
          type: "request.opened",
          payload: {
            requestId: `q${i + 1}`,
            householdId: `h${(i % 12) + 1}-2`,
            kind: ["medicine", "supplies", "leave", "medical", "other"][i % 5],
            urgent: i === 3 || i === 7,
            note: "call 13900139000",
            person: "Chen Jie 陈杰",
          },
        })),
      ],
    });
    const display = await server.mint("display", "office wall");
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
    await page.goto(`${server.url}/wall?token=${display}`);
    await page.goto(`${server.url}/wall?lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The grid at `n` buildings: every label whole, apart from its share and its neighbours; the wall does not scroll. */
  const checkGrid = async (n: number) => {
    const g = await auditGrid(page);
    expect(g.tiles).toHaveLength(n);
    expect(gridProblems(g, MIN_PX), `${n} buildings`).toEqual([]);
    expect(await scrolls(page), `${n} buildings scroll`).toBe(false);
    expect(await page.locator('[data-alarm="alarm"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("[data-chart] svg.recharts-surface").count(), { timeout: 15_000 }).toBe(3);
    await screenshot(page, `wall-grid-${n}`);
  };
  /** Every visible text at least 18 px and 4.5:1 over its background; the offenders listed otherwise. */
  const checkText = async (what: string) => {
    await page.locator("[data-queue-item]").first().waitFor({ timeout: 30_000 });
    await page.locator('[data-alarm="warn"]').first().waitFor({ timeout: 30_000 });
    const texts = await auditText(page);
    expect(texts.length, "text nodes found").toBeGreaterThan(100);
    const offenders = texts.filter((t) => t.fontPx < MIN_PX || t.ratio < MIN_RATIO);
    expect(offenders, `${what}:\n${offenders.map((o) => JSON.stringify(o)).join("\n")}`).toEqual([]);
    return texts;
  };

  it("WALL-LEG1 at 1920×1080 the grid holds 12 and 41 buildings legibly: labels whole and apart, no scrolling", async () => {
    await expect.poll(() => page.locator("[data-building]").count(), { timeout: 30_000 }).toBe(12);
    await expect.poll(async () => gridProblems(await auditGrid(page), MIN_PX), { timeout: 30_000 }).toEqual([]);
    await checkGrid(12);
    await grow(13, 41);
    await checkGrid(41);
  });

  it("WALL-LEG2 every visible text on /wall (41 buildings, alarms, queue) is ≥ 18 px and ≥ 4.5:1, in English and Chinese", async () => {
    for (const lang of ["en", "zh-CN"]) {
      await page.goto(`${server.url}/wall?lang=${lang}`);
      await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator("[data-building]").count(), { timeout: 30_000 }).toBe(41);
      const texts = await checkText(lang);
      expect(texts.map((t) => t.text)).toContain(lang === "en" ? "Gate" : "门岗");
      expect(texts.map((t) => t.text)).toContain("/8");
    }
  });

  it("WALL-LEG3 at 120 buildings the grid takes the width and stays legible; the text rule still holds", async () => {
    await page.goto(`${server.url}/wall?lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await grow(42, 120);
    expect(await page.locator('[data-layout="wide"]').count()).toBe(1);
    await checkGrid(120);
    await checkText("120 buildings");
  });
});
