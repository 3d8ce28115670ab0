// The secretary's /people page in Chromium: mint, QR, copy, print sheet, a phone signed in as its volunteer, revoke.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { smallCompound } from "../support/fixtures";
import { modulesOfSvg, modulesOfText } from "../support/qr-modules";
import { waitFor } from "../support/wait";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "people-admin-token-0123456789";
const ready = browserAvailable();

const phone = (browser: Browser) => browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The grid of modules the page shows inside `scope`'s QR code. */
async function shownModules(page: Page, scope: string, size: number): Promise<number[]> {
  const svg = page.locator(`${scope} [data-qr="ready"] svg`);
  await svg.waitFor({ timeout: 30_000 });
  const viewBox = (await svg.getAttribute("viewBox")) ?? "";
  const d = (await svg.locator("path[stroke]").getAttribute("d")) ?? "";
  return modulesOfSvg(viewBox, d, size);
}

describe.skipIf(!ready)("PEOPLE: the secretary hands out phones and screens", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("PEOPLE4 /people is for the secretary: a volunteer or a display sees 'secretary only', no session the sign-in notice", async () => {
    for (const role of ["volunteer", "display"] as const) {
      const context = await app.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app.server.url}/people?token=${await app.server.mint(role, `not a secretary (${role})`)}`);
      await page.locator("[data-secretary-only]").waitFor({ timeout: 15_000 });
      expect(await page.locator("[data-secretary-only]").textContent()).toMatch(/secretary only/);
      expect(await page.locator("[data-volunteer]").count()).toBe(0);
      await context.close();
    }
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/people`);
    await page.locator("[data-signin]").waitFor({ timeout: 15_000 });
    await context.close();
  });

  // PEOPLE5–PEOPLE8 are one secretary's session, step by step: the desk page and the links it made carry over.
  let desk: BrowserContext;
  let page: Page;
  let id = "";
  let link = "";
  let minted: (string | null)[] = [];
  let handset: BrowserContext;
  let ph: Page;

  it("PEOPLE5 the secretary mints a volunteer's link from /people: shown once, its QR code encodes exactly the link, the copy button copies it", async () => {
    const origin = app.server.url;
    desk = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    page = await desk.newPage();
    await page.goto(`${origin}/?token=${ADMIN}`);
    await page.locator("[data-people-link]").click();
    await page.waitForURL(`${origin}/people`);
    await page.locator('[data-volunteer="v1"]').waitFor({ timeout: 15_000 });
    // ADDR2: opened on 127.0.0.1 with no PUBLIC_URL, the page warns that its links open nothing on a phone.
    expect(await page.locator("[data-loopback-warning]").textContent()).toMatch(/will not open on phones[\s\S]*PUBLIC_URL/);
    // HOLE5: pages, like the API, may be framed only by Cordon itself.
    const headers = (await page.request.get(`${origin}/people`)).headers();
    expect(headers["content-security-policy"]).toBe("frame-ancestors 'self'");
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");

    // One volunteer's link: shown once, as a QR code and as a link to copy.
    await page.locator('[data-mint="v1"]').click();
    const card = page.locator("[data-minted]");
    await card.waitFor({ timeout: 30_000 });
    id = (await card.getAttribute("data-minted")) ?? "";
    link = (await card.locator("input").inputValue()) ?? "";
    expect(link).toMatch(new RegExp(`^${origin.replace(/[.]/g, "\\.")}/console\\?token=[A-Za-z0-9_-]{20,}$`));
    expect(await card.getAttribute("data-link")).toBe(link);
    expect(await page.locator("[data-once]").textContent()).toMatch(/only this once/);
    const qr = card.locator('[data-qr="ready"]');
    await qr.waitFor({ timeout: 30_000 });
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    const expected = modulesOfText(link);
    expect(await shownModules(page, `[data-minted="${id}"]`, expected.size)).toEqual(expected.data);
    expect(modulesOfText(`${link}x`).data).not.toEqual(expected.data);
    await card.locator("[data-copy]").click();
    await expect.poll(() => card.locator("[data-copy]").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  it("PEOPLE6 a wall display's link and links for every volunteer without one; the print sheet has one card per link, each QR its link", async () => {
    // A wall display's link, then every volunteer still without one (only v2: v1 has a live link now).
    await page.locator('[data-mint-screen="display"] input').fill("Office wall");
    await page.locator('[data-mint-screen="display"] button').click();
    await page.locator("[data-minted]").nth(1).waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-minted]").nth(1).getAttribute("data-link")).toMatch(/\/wall\?token=/);
    await page.locator("[data-mint-all]").click();
    await page.locator('[data-minted-links="3"]').waitFor({ timeout: 30_000 });
    minted = await page.locator("[data-minted]").evaluateAll((els) => els.map((e) => e.getAttribute("data-minted")));
    const listed = (await app.server.api("/api/tokens")).body.tokens as { id: string; volunteerId: string | null }[];
    expect(listed.filter((t) => minted.includes(t.id)).map((t) => t.volunteerId)).toEqual(["v1", null, "v2"]);

    // The print sheet: one card per link, each with its own QR code, and nothing of the screen around it.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    const cards = page.locator("[data-print-card]");
    expect(await cards.count()).toBe(3);
    for (const m of minted) {
      const printed = page.locator(`[data-print-card="${m}"]`);
      expect(await printed.isVisible()).toBe(true);
      const text = await page.locator(`[data-minted="${m}"]`).getAttribute("data-link");
      const want = modulesOfText(text ?? "");
      expect(await shownModules(page, `[data-print-card="${m}"]`, want.size)).toEqual(want.data);
    }
    expect(await page.locator("[data-print-card]", { hasText: "Li Na 李娜" }).isVisible()).toBe(true);
    expect(await page.locator("[data-volunteers]").isVisible()).toBe(false);
    expect(await page.locator("[data-print]").isVisible()).toBe(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "people-print.png");
    await page.screenshot({ path: shot, fullPage: true });
    copyFileSync(shot, path.resolve("docs/people.png"));
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("PEOPLE7 the phone opening the volunteer's link is signed in as them: name and id in its header, check-in fixed to them, on duty shown", async () => {
    // The phone opens its link: signed in as Li Na, its check-in fixed to her.
    handset = await phone(app.browser);
    ph = await handset.newPage();
    await ph.goto(link);
    expect(ph.url()).toBe(`${app.server.url}/console`);
    await ph.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const who = ph.locator('[data-whoami="v1"]');
    await who.waitFor({ timeout: 30_000 });
    expect(await who.textContent()).toContain("Li Na 李娜");
    expect(await who.getAttribute("data-on-duty")).toBe("no");
    await openTask(ph, "duty");
    const checkIn = ph.locator('form[data-form="check-in"]');
    expect(await checkIn.locator('input[name="volunteerId"]').inputValue()).toBe("v1");
    expect(await checkIn.locator('input[name="volunteerId"]').getAttribute("readonly")).not.toBeNull();
    await checkIn.locator('select[name="post"]').selectOption("gate");
    await checkIn.getByRole("button").click();
    await checkIn.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    await ph.locator('[data-whoami="v1"][data-on-duty="yes"]').waitFor({ timeout: 30_000 });
    expect(await ph.locator("[data-whoami]").textContent()).toMatch(/on duty · gate/);
  });

  it("PEOPLE8 SIGNOUT4 the desk lists when the phone was last seen and revokes its link: the phone leaves live within seconds and a reload shows the sign-in notice", async () => {
    // The desk sees when the phone was last seen, and revokes it: the phone is signed out within seconds.
    await page.reload();
    const row = page.locator(`[data-sign-in="${id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator("[data-last-seen]").getAttribute("data-last-seen")).not.toBe("");
    page.once("dialog", (d) => void d.accept());
    await row.locator(`[data-revoke="${id}"]`).click();
    await page.locator(`[data-sign-in="${id}"][data-revoked="yes"]`).waitFor({ timeout: 30_000 });
    const revokedAt = Date.now();
    await waitFor(
      async () => (await ph.locator("[data-connection]").getAttribute("data-connection")) !== "live",
      "the phone to leave live",
      5000,
      50,
    );
    expect(Date.now() - revokedAt).toBeLessThan(5000);
    await ph.reload();
    await ph.locator("[data-signin]").waitFor({ timeout: 15_000 });
    expect(await ph.locator("[data-whoami]").count()).toBe(0);
    // SIGNOUT4: the phone says it was signed out and whom to ask, not "no connection" (the socket is refused, not cut).
    expect(await ph.locator("[data-signin]").textContent()).toMatch(/ask the secretary for a new sign-in link/i);
    await ph.locator("[data-signed-out]").waitFor({ timeout: 15_000 });
    expect(await ph.locator("main").textContent()).not.toMatch(/No connection/);
    await handset.close();
    await desk.close();
  });
});
