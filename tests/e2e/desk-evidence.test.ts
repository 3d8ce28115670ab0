// Why: the secretary decides on the evidence: each document named (or named missing), the report's age and its 48-hour moment, live; a new urgent request announces itself.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { cameraJpeg, plainPng } from "../support/documents";
import { smallCompound } from "../support/fixtures";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "evidence-admin-token-0123456789";
const ready = browserAvailable();
const HOUR = 3600_000;

describe.skipIf(!ready)("DESK: the evidence beside the verdict", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  const post = (type: string, payload: object) => app.server.api("/api/events", { type, payload });

  it("DESK10 each release names its letter and report as received or missing; the report shows its sampling time, its age now and when it turns 48 h old, and turns over live", async () => {
    // The report turns 48 hours old 25 seconds from now: the desk must say so, then say it is too old, without a reload.
    const testedAt = new Date(Date.now() - 48 * HOUR + 25_000).toISOString();
    expect((await post("request.opened", { requestId: "R-AGE", householdId: "h1", kind: "leave" })).status).toBe(201);
    expect((await post("request.document_added", { requestId: "R-AGE", document: "commitment_letter" })).status).toBe(201);
    expect((await post("request.document_added", { requestId: "R-AGE", document: "test_report", testedAt })).status).toBe(201);
    expect((await post("request.opened", { requestId: "R-BARE", householdId: "h2", kind: "leave" })).status).toBe(201);
    expect((await post("request.opened", { requestId: "R-RICE", householdId: "h3", kind: "supplies" })).status).toBe(201);
    // For the picture: a request with both photos and a report 20 hours old.
    const upload = async (bytes: Buffer) => (await app.server.api("/api/files", { file: bytes.toString("base64") })).body.fileId as string;
    const [letter, scan] = [await upload(await cameraJpeg()), await upload(await plainPng([235, 235, 225], 240))];
    expect((await post("request.opened", { requestId: "R-NICE", householdId: "h2", kind: "leave", person: "Wu Fang" })).status).toBe(201);
    expect((await post("request.document_added", { requestId: "R-NICE", document: "commitment_letter", fileId: letter })).status).toBe(201);
    const twentyHours = new Date(Date.now() - 20 * HOUR).toISOString();
    expect(
      (await post("request.document_added", { requestId: "R-NICE", document: "test_report", testedAt: twentyHours, fileId: scan })).status,
    ).toBe(201);

    const context = await app.browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}&lang=en`);
    const card = (id: string) => page.locator(`[data-request="${id}"]`);
    await card("R-AGE").waitFor({ timeout: 20_000 });
    const doc = (id: string, kind: string) => card(id).locator(`[data-doc="${kind}"]`);

    expect(await doc("R-BARE", "commitment_letter").getAttribute("data-doc-state")).toBe("missing");
    expect(await doc("R-BARE", "test_report").textContent()).toBe("Test report: missing");
    expect(await doc("R-BARE", "commitment_letter").textContent()).toBe("Commitment letter: missing");
    // A delivery needs nothing: nothing is called missing.
    expect(await card("R-RICE").locator("[data-doc]").count()).toBe(0);

    const report = doc("R-AGE", "test_report");
    expect(await doc("R-AGE", "commitment_letter").getAttribute("data-doc-state")).toBe("present");
    expect(await report.getAttribute("data-doc-state")).toBe("present");
    expect(await report.locator("[data-report-sampled]").getAttribute("data-report-sampled")).toBe(testedAt);
    expect(await report.locator("[data-report-age]").textContent()).toBe("47 hr 59 min old");
    const expires = new Date(Date.parse(testedAt) + 48 * HOUR);
    expect(await report.locator("[data-report-expires]").getAttribute("data-report-expires")).toBe(expires.toISOString());
    const at = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(expires);
    expect(await report.locator("[data-report-expires]").textContent()).toMatch(new RegExp(`^turns 48 h old at ${at} \\(in `));
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "desk-evidence.png");
    const nice = card("R-NICE");
    await expect
      .poll(
        () =>
          nice.locator("[data-documents] img").evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
        {
          timeout: 20_000,
        },
      )
      .toBe(2);
    await nice.scrollIntoViewIfNeeded();
    const box = await nice.boundingBox();
    if (!box) throw new Error("R-NICE has no box");
    await page.screenshot({ path: shot, clip: box });
    copyFileSync(shot, path.resolve("docs/desk-evidence.png"));

    // Time passes on the open screen: the report turns too old.
    await expect.poll(() => report.getAttribute("data-doc-state"), { timeout: 60_000, interval: 1000 }).toBe("expired");
    expect(await report.locator("[data-report-expires]").textContent()).toBe(`over 48 h old since ${at}: too old for a release`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it("DESK11 a new urgent request announces itself on the open desk (a banner, a vibration where the phone has one); those waiting when it opened do not", async () => {
    expect((await post("request.opened", { requestId: "R-OLD-URGENT", householdId: "h1", kind: "medical", urgent: true })).status).toBe(
      201,
    );
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { vibrations: unknown[] }).vibrations = calls;
      Object.defineProperty(navigator, "vibrate", { value: (p: unknown) => calls.push(p) > 0, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}&lang=zh-CN`);
    await page.locator('[data-request="R-OLD-URGENT"]').waitFor({ timeout: 20_000 });
    expect(await page.locator("[data-new-urgent]").count()).toBe(0);

    expect((await post("request.opened", { requestId: "R-LABOUR", householdId: "h3", kind: "medical", urgent: true })).status).toBe(201);
    const banner = page.locator("[data-new-urgent]");
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute("data-new-urgent")).toBe("R-LABOUR");
    expect(await banner.getAttribute("role")).toBe("alert");
    expect(await banner.textContent()).toContain("新的紧急请求：Building 2 201 · 就医");
    // An urgent medical case may go at once: nothing is called missing.
    expect(await page.locator('[data-request="R-LABOUR"] [data-doc]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    // The phone desk as the secretary at the swab site sees it: the announcement above the queue, urgent first.
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "desk-phone.png");
    await page.screenshot({ path: shot });
    copyFileSync(shot, path.resolve("docs/desk-phone.png"));
    const seen = banner.getByRole("button", { name: "知道了" });
    expect((await seen.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await seen.tap();
    await banner.waitFor({ state: "detached" });
    await context.close();
  });
});
