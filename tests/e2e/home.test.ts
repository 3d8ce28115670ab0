// A household's phone from door to decision in Chromium: /home in Chinese, photos through the file chooser, the desk sees them, the answer comes back.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { cameraJpeg, plainPng, SERIAL } from "../support/documents";
import { smallCompound } from "../support/fixtures";
import { waitFor } from "../support/wait";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "home-admin-token-0123456789";
const ready = browserAvailable();
const phone = (browser: Browser) => browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** axe-core's serious and critical findings on the page as it is now (WCAG 2 A and AA). */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.resolve("node_modules/axe-core/axe.min.js") });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: any[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: { target: string[] }) => n.target.join(" ")) }));
  });
  return found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 3).join(", ")}`);
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!ready)("HOME: a household asks from its door, and the desk decides on the evidence", () => {
  const app = withBrowserApp(ADMIN, smallCompound);

  it("HOME1–HOME3 /home in Chinese, photos from the camera input reach the desk clean, the decision reaches the phone without a reload", async () => {
    const minted = await app.server.api("/api/tokens", { role: "resident", householdId: "h1", community: "default", label: "door 101" });
    expect(minted.status).toBe(201);
    const home = await phone(app.browser);
    const ph = await home.newPage();
    await ph.goto(`${app.server.url}/home?token=${minted.body.token}`);
    await ph.waitForURL(`${app.server.url}/home`);
    await ph.locator("[data-household]").waitFor({ timeout: 20_000 });
    // HOME1 Chinese by default, the household named, the camera asked for.
    expect(await ph.locator("h1").textContent()).toBe("我的住户");
    expect(await ph.locator("[data-household]").textContent()).toBe("Building 1 · 101 室");
    for (const name of ["letter", "report"]) {
      const input = ph.locator(`input[name="${name}"]`);
      expect([await input.getAttribute("accept"), await input.getAttribute("capture")]).toEqual(["image/*", "environment"]);
    }
    expect(await axeProblems(ph), "axe, zh-CN").toEqual([]);
    expect(await noSidewaysScroll(ph)).toBe(true);

    await ph.locator('input[name="person"]').fill("张伟");
    await ph.locator('textarea[name="note"]').fill("医院上班");
    await ph.locator('input[name="letter"]').setInputFiles({ name: "letter.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg() });
    await ph
      .locator('input[name="report"]')
      .setInputFiles({ name: "report.png", mimeType: "image/png", buffer: await plainPng([240, 240, 240], 64) });
    await ph.locator('input[name="reportAt"]').waitFor();
    await ph.getByRole("button", { name: "提交申请" }).click();
    const card = ph.locator('[data-my-request][data-status="pending"]');
    await card.waitFor({ timeout: 20_000 });
    await waitFor(async () => ((await card.textContent()) ?? "").includes("已附 2 张照片"), "two photos attached", 20_000);
    const requestId = (await card.getAttribute("data-my-request")) ?? "";

    // HOME2 The desk sees the request with both pictures; the picture served has no EXIF and is upright.
    const queue = await app.server.api("/api/requests");
    const item = queue.body.requests.find((r: { requestId: string }) => r.requestId === requestId);
    expect(item.files.map((f: { document: string }) => f.document)).toEqual(["commitment_letter", "test_report"]);
    const letter = await fetch(`${app.server.url}/api/files/${item.files[0].fileId}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const bytes = Buffer.from(await letter.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.exif, bytes.toString("latin1").includes(SERIAL), (meta.height ?? 0) > (meta.width ?? 0)]).toEqual([
      undefined,
      false,
      true,
    ]);

    const deskContext = await phone(app.browser);
    const desk = await deskContext.newPage();
    await desk.goto(`${app.server.url}/?token=${ADMIN}&lang=en`);
    const request = desk.locator(`[data-request="${requestId}"]`);
    await request.waitFor({ timeout: 20_000 });
    await waitFor(
      () =>
        request
          .locator("[data-documents] img")
          .evaluateAll((imgs) => imgs.length === 2 && imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      "both thumbnails loaded on the desk",
      20_000,
    );
    expect(await noSidewaysScroll(desk), "the desk scrolls sideways at 390 px").toBe(true);
    // The decisions come first on a phone: the request is within the first screen.
    expect((await request.boundingBox())?.y ?? 9999).toBeLessThan(844);
    const approve = request.getByRole("button", { name: "Approve", exact: true });
    const box = await approve.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    desk.once("dialog", (d) => void d.accept());
    await approve.click();
    mkdirSync(SCREENSHOTS, { recursive: true });

    // HOME3 The phone shows the decision without a reload; cancel is gone.
    await ph.locator(`[data-my-request="${requestId}"][data-status="approved"]`).waitFor({ timeout: 20_000 });
    expect(await ph.locator(`[data-my-request="${requestId}"]`).getByRole("button").count()).toBe(0);
    const shot = path.join(SCREENSHOTS, "home.png");
    await ph.screenshot({ path: shot, fullPage: true });
    copyFileSync(shot, path.resolve("docs/home.png"));

    // English on the switch, and axe again.
    await ph.getByRole("button", { name: "English" }).click();
    await ph.locator("h1", { hasText: "My household" }).waitFor();
    expect(await axeProblems(ph), "axe, en").toEqual([]);
    await home.close();
    await deskContext.close();
  });

  it("HOME4 a resident cancels a pending request from /home after confirming; a 4th pending one is refused in Chinese", async () => {
    const minted = await app.server.api("/api/tokens", { role: "resident", householdId: "h3", community: "default", label: "door 201" });
    const context = await phone(app.browser);
    const ph = await context.newPage();
    await ph.goto(`${app.server.url}/home?token=${minted.body.token}`);
    await ph.locator("[data-household]").waitFor({ timeout: 20_000 });
    for (let i = 0; i < 4; i++) {
      await ph.locator("[data-home-form]").getByText("物资", { exact: true }).click();
      await ph.getByRole("button", { name: "提交申请" }).click();
      if (i < 3) await waitFor(async () => (await ph.locator('[data-status="pending"]').count()) === i + 1, `request ${i + 1}`, 20_000);
    }
    await waitFor(
      async () => ((await ph.locator('[data-home-form] [role="alert"]').textContent()) ?? "").includes("3 个申请在等待审批"),
      "too many pending",
      20_000,
    );
    ph.once("dialog", (d) => void d.accept());
    await ph.locator('[data-status="pending"]').first().getByRole("button", { name: "撤销此申请" }).click();
    await ph.locator('[data-status="cancelled"]').waitFor({ timeout: 20_000 });
    await context.close();
  });
});
