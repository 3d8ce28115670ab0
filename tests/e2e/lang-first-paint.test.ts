// Why: I18N12: a screen opened in Chinese is painted in Chinese from its first frame; its prerendered English never shows.
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";

const ADMIN = "lang-first-paint-admin-token-0123456789";
const ready = browserAvailable();
/** An English phrase of the screens: three words in a row (the Chinese screens have none; the language switch alone reads 中文 on the English ones). */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

/** Before any of the page's scripts: on every frame the page paints, its visible text (when the body is shown at all). */
const WATCH_FRAMES = `(() => {
  window.__frames = [];
  const look = () => {
    const body = document.body;
    if (body && getComputedStyle(body).visibility !== "hidden") {
      const text = body.innerText.trim();
      if (text) window.__frames.push(text.slice(0, 300));
    }
    if (window.__frames.length < 2000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

describe.skipIf(!ready)("I18N12: no English before the Chinese", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  for (const [screen, path, wait] of [
    ["the desk", "/", '[data-connection="live"]'],
    ["the wall", "/wall", '[data-connection="live"]'],
    ["the import page", "/import", "form"],
    ["the console", "/console", '[data-connection="live"]'],
  ] as const)
    it(`I18N12 ${screen} opened with ?lang=zh-CN paints no frame in English`, async () => {
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(WATCH_FRAMES);
      const page = await context.newPage();
      // A slow phone on a poor network: the page's scripts come late, so the prerendered page is on screen
      // for a while before React runs (headless Chromium on loopback would hydrate before its first frame).
      await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
        await new Promise((r) => setTimeout(r, 700));
        await route.continue();
      });
      await page.goto(`${app.server.url}${path}?lang=zh-CN&token=${ADMIN}`);
      await page.locator(wait).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      const frames = (await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames)) as string[];
      expect(frames.length).toBeGreaterThan(0);
      expect(frames.filter((f) => ENGLISH.test(f))).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      await context.close();
    });

  it("I18N12 in English a screen is painted before its scripts arrive (nothing is held back)", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(WATCH_FRAMES);
    const page = await context.newPage();
    let scripts = 0;
    let framesBeforeScripts = 0;
    await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      if (scripts++ === 0)
        framesBeforeScripts = await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames.length).catch(() => 0);
      await route.continue();
    });
    await page.goto(`${app.server.url}/import?lang=en&token=${ADMIN}`);
    await page.locator("form").first().waitFor({ timeout: 15_000 });
    const frames = (await page.evaluate(() => (window as unknown as { __frames: string[] }).__frames)) as string[];
    expect(framesBeforeScripts).toBeGreaterThan(0);
    expect(frames[0]).toMatch(ENGLISH);
    await context.close();
  });
});
