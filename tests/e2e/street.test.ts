// Why: STREET2–STREET3: the street office's wall in Chromium: live tiles by attention, readable at 20, usable at 100, both languages.
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeViolations, seriousViolations } from "../support/axe";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";
import { waitFor } from "../support/wait";
import { SCREENSHOTS, screenshot } from "../support/wall-page";

const ADMIN = "street-admin-token-0123456789";
const ready = browserAvailable();
const THREE = ["north", "east", "south"];

describe.skipIf(!ready)("STREET: the street office's wall", () => {
  const app = withBrowserApp(ADMIN, () => [
    ...THREE.flatMap((c) => smallCompound(c)),
    { type: "request.opened", community: "south", payload: { requestId: "q1", householdId: "h1", kind: "medical", urgent: true } },
  ]);

  it("STREET2 tiles by attention, pushed live without a reload, in Chinese and English, opening the compound's wall", async () => {
    const minted = await app.server.api("/api/tokens", { role: "street", label: "街道", communities: THREE });
    expect(minted.status).toBe(201);
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/street?token=${minted.body.token}&lang=zh-CN`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator("[data-compound]").count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator("[data-compound]").first().getAttribute("data-compound")).toBe("south");
    expect(await page.locator("h1").textContent()).toBe("街道总览");
    await screenshot(page, "street-zh");
    copyFileSync(path.join(SCREENSHOTS, "street-zh.png"), "docs/street.png");
    const sealed = page.locator('[data-compound="east"] [data-street-kpi="buildingsSealed"]');
    expect(await sealed.textContent()).toBe("0");
    expect(
      (await app.server.api("/api/events", { type: "building.sealed", community: "east", payload: { buildingId: "b1" } })).status,
    ).toBe(201);
    await expect.poll(() => sealed.textContent(), { timeout: 15_000 }).toBe("1");
    await page.goto(`${app.server.url}/street?lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    expect(await page.locator("h1").textContent()).toBe("Street office");
    await page.locator('[data-compound="north"]').click();
    await page.waitForURL(/\/wall\?community=north/);
    await page.locator('[data-kpi="householdsTotal"]').waitFor({ timeout: 30_000 });
    await waitFor(async () => (await page.locator('[data-kpi="householdsTotal"]').textContent()) === "3", "north's wall", 15_000);
    await context.close();
  });

  it("STREET7 a post below its minimum warns on the tile; the daily summary prints each compound beside the totals on A4, in both languages", async () => {
    expect(
      (await app.server.api("/api/events", { type: "post.minimum_set", community: "east", payload: { post: "gate", minimum: 2 } })).status,
    ).toBe(201);
    const minted = await app.server.api("/api/tokens", { role: "street", label: "daily", communities: THREE });
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/street?token=${minted.body.token}&lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    const east = page.locator('[data-compound="east"]');
    await expect.poll(() => east.getAttribute("data-short-posts"), { timeout: 15_000 }).toBe("1");
    expect(await east.locator("[data-street-short]").textContent()).toContain("0/2 below minimum");
    expect(await east.locator("[data-street-duty]").textContent()).toBe("0 on duty (minimum 2)");
    await page.locator("[data-street-daily]").click();
    await page.waitForURL(/\/street\/daily/);
    const sheet = page.locator("[data-street-sheet]");
    await sheet.waitFor({ timeout: 30_000 });
    const api = (await page.evaluate(async () => (await fetch("/api/street/daily?silentSince=00:00")).json())) as {
      totals: Record<string, number>;
      silent: string[];
    };
    expect(await page.locator("[data-street-row]").count()).toBe(3);
    for (const f of ["householdsTested", "requestsOpened", "buildingsSealed"])
      expect(Number(await page.locator(`[data-total="${f}"]`).textContent()), f).toBe(api.totals[f]);
    expect(await page.locator('[data-street-row="south"] [data-cell="requestsOpened"]').textContent()).toBe("1");
    expect(api.silent).toEqual([]);
    expect(await page.locator("[data-silent-compound]").count()).toBe(0);
    // An hour still ahead: no compound has been heard from since, each is listed and marked.
    await page.locator("[data-street-since]").fill("23:59");
    await expect.poll(() => page.locator("[data-silent-compound]").count(), { timeout: 15_000 }).toBe(3);
    expect(page.url()).toContain("since=23%3A59");
    expect(await page.locator("[data-street-row][data-silent]").count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const [keys] = await Promise.all([page.waitForEvent("download"), page.locator("[data-street-csv-keys]").click()]);
    expect(readFileSync((await keys.path()) ?? "").toString("utf8")).toMatch(/^\ufeff?community,name,householdsTested/);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-street-since]").isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    const a11y = await seriousViolations(page);
    expect(a11y, describeViolations(a11y)).toEqual([]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    // Chinese: the same sheet under Chinese words, and a CSV with Chinese headers.
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("button", { name: "中文" }).click();
    await page.locator("[data-street-sheet] h1", { hasText: "街道每日汇总" }).waitFor({ timeout: 30_000 });
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("[data-street-sheet] thead").textContent()).toContain("已采样户数");
    const [zh] = await Promise.all([page.waitForEvent("download"), page.locator("[data-street-csv]").click()]);
    const zhCsv = readFileSync((await zh.path()) ?? "").toString("utf8");
    expect(zhCsv).toMatch(/^\ufeff?小区编号,小区,已采样户数/);
    expect(zhCsv).toMatch(/\r\n合计,,/);
    await page.emulateMedia({ media: "print" });
    const zhA11y = await seriousViolations(page);
    expect(zhA11y, describeViolations(zhA11y)).toEqual([]);
    await page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(page, "street-daily");
    copyFileSync(path.join(SCREENSHOTS, "street-daily.png"), "docs/street-daily.png");
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it("STREET8 at 20 compounds while events flow, a compound that goes an hour without one is shown silent and first after the urgent one; its tile opens its wall", async () => {
    const more = Array.from({ length: 17 }, (_, i) => `w${String(i).padStart(2, "0")}`);
    expect(
      (await app.server.api("/api/events", { events: [...more.flatMap((c) => smallCompound(c)), ...smallCompound("quiet")] })).status,
    ).toBe(201);
    const twenty = [...THREE.filter((c) => c !== "north"), ...more, "quiet"];
    expect(twenty).toHaveLength(20);
    const minted = await app.server.api("/api/tokens", { role: "street", label: "twenty", communities: twenty });
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    // The page's clock runs on from now; jumping it an hour on is how an hour of silence is shown without waiting one.
    await page.clock.install();
    await page.goto(`${app.server.url}/street?token=${minted.body.token}&lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator("[data-compound]").count(), { timeout: 15_000 }).toBe(20);
    expect(await page.locator("[data-silent]").count()).toBe(0);
    // Events flow to every compound but one, a seal or an unseal at a time, round robin.
    const busy = twenty.filter((c) => c !== "quiet");
    let flowing = true;
    let n = 0;
    const flow = (async () => {
      while (flowing) {
        const c = busy[n % busy.length] as string;
        const type = Math.floor(n / busy.length) % 2 === 0 ? "building.sealed" : "building.unsealed";
        n++;
        await app.server.api("/api/events", { type, community: c, payload: { buildingId: "b2" } });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await page.clock.fastForward("01:01:00");
      await waitFor(
        async () =>
          (await page.locator("[data-silent]").evaluateAll((tiles) => tiles.map((t) => t.getAttribute("data-compound")))).join() ===
          "quiet",
        "only the quiet compound shown silent",
        60_000,
      );
      const order = await page.locator("[data-compound]").evaluateAll((tiles) => tiles.map((t) => t.getAttribute("data-compound")));
      expect(order.slice(0, 2)).toEqual(["south", "quiet"]);
      expect(await page.locator('[data-compound="quiet"]').textContent()).toContain("silent");
      // Readable across a room and all on one screen: twenty tiles inside 1920×1080, none cut off.
      const bottoms = await page.locator("[data-compound]").evaluateAll((tiles) => tiles.map((t) => t.getBoundingClientRect().bottom));
      expect(Math.max(...bottoms)).toBeLessThanOrEqual(1080);
      await screenshot(page, "street-20");
      copyFileSync(path.join(SCREENSHOTS, "street-20.png"), "docs/street-20.png");
    } finally {
      flowing = false;
      await flow;
    }
    await page.locator('[data-compound="quiet"]').click();
    await page.waitForURL(/\/wall\?community=quiet/);
    await page.locator('[data-kpi="householdsTotal"]').waitFor({ timeout: 30_000 });
    await context.close();
  });

  it("STREET3 at 100 compounds the grid is denser and pages turn by themselves; nothing overflows sideways", async () => {
    const many = Array.from({ length: 97 }, (_, i) => `c${String(i).padStart(3, "0")}`);
    const events = many.flatMap((c) => smallCompound(c).slice(0, 3));
    for (let i = 0; i < events.length; i += 900)
      expect((await app.server.api("/api/events", { events: events.slice(i, i + 900) })).status).toBe(201);
    const minted = await app.server.api("/api/tokens", { role: "street", label: "district", communities: [...THREE, ...many] });
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/street?token=${minted.body.token}&lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator("[data-compound]").count(), { timeout: 15_000 }).toBe(60);
    expect(await page.locator("header p").textContent()).toMatch(/100 compounds · page 1 of 2/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, "street-100");
    await context.close();
  });

  it("STREET5 the operator opens a compound from /people: its first secretary's link opens a live desk of that compound", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/people?token=${ADMIN}&lang=en`);
    await page.locator("[data-compounds]").waitFor({ timeout: 30_000 });
    await page.locator('[data-compounds] input[name="community"]').fill("lane-12");
    await page.locator("[data-compounds] button[type=submit]").click();
    const link = await page.locator("[data-minted]").first().getAttribute("data-link", { timeout: 15_000 });
    expect(link).toMatch(/\/\?token=/);
    const desk = await (await app.browser.newContext()).newPage();
    await desk.goto(link as string);
    await desk.locator('[data-connection="live"]').first().waitFor({ timeout: 30_000 });
    const session = await desk.evaluate(async () => (await fetch("/api/session")).json());
    expect(session).toMatchObject({ role: "secretary", community: "lane-12" });
    expect(await desk.evaluate(async () => (await fetch("/api/snapshot")).json())).toMatchObject({ community: "lane-12", seq: 0 });
    // A compound's secretary does not see the operator's panel.
    await desk.goto(`${app.server.url}/people`);
    await desk.locator("[data-mint-screen]").first().waitFor({ timeout: 30_000 });
    expect(await desk.locator("[data-compounds]").count()).toBe(0);
    await desk.context().close();
    await context.close();
  });
});
