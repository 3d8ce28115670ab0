// Why: GATE8–GATE9: the gate phone in Chromium: a typed pass number and a QR shown to a (fake) camera, green out then in, red for an expired pass.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { browserAvailable, CHROMIUM } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { hoursBefore, smallCompound } from "../support/fixtures";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "gate-admin-token-0123456789";
const ready = browserAvailable();
const require = createRequire(import.meta.url);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A Y4M video of `text` as a QR code, black on white, that Chromium's fake camera plays in a loop. */
function qrVideo(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const [w, h, scale] = [640, 480, 10];
  const x0 = Math.floor((w - n * scale) / 2);
  const y0 = Math.floor((h - n * scale) / 2);
  const y = Buffer.alloc(w * h, 235);
  for (let r = 0; r < n * scale; r++)
    for (let c = 0; c < n * scale; c++) if (qr.modules.get(Math.floor(r / scale), Math.floor(c / scale))) y[(y0 + r) * w + x0 + c] = 16;
  const chroma = Buffer.alloc((w * h) / 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  const file = path.join(tmpdir(), `gate-qr-${process.pid}.y4m`);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

/** axe-core's serious and critical findings on the page as it stands. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = (await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ["violations"] }))) as {
    violations: { id: string; impact: string; nodes: unknown[] }[];
  };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`);
}

describe.skipIf(!ready)("GATE: the gate phone in a browser", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  let n = 0;
  /** A leave request with its documents, approved with `pass`; returns its id and its code of this moment. */
  async function approved(pass?: object): Promise<{ id: string; code: string }> {
    const id = `gate-${++n}`;
    const e = (type: string, payload: object) => ({ type, payload });
    const r = await app.server.api("/api/events", {
      events: [
        e("request.opened", { requestId: id, householdId: "h1", kind: "leave", person: "Zhang Wei 张伟" }),
        e("request.document_added", { requestId: id, document: "commitment_letter" }),
        e("request.document_added", { requestId: id, document: "test_report", testedAt: hoursBefore(5) }),
        e("request.approved", { requestId: id, ...(pass ? { pass } : {}) }),
      ],
    });
    expect(r.status).toBe(201);
    const list = (await app.server.api("/api/requests")).body.requests as { requestId: string; pass: { code: string } }[];
    return { id, code: list.find((x) => x.requestId === id)?.pass.code as string };
  }
  const shot = async (page: Page, name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file });
    copyFileSync(file, path.resolve(`docs/${name}.png`));
  };

  it("GATE8 a typed pass number: green out, green in, the wall's outside count following; an expired pass red with its reason in both languages; no serious axe finding", async () => {
    const volunteer = await app.server.mint("volunteer", "gate phone");
    const display = await app.server.mint("display", "wall");
    const wallContext = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await wallContext.newPage();
    await wall.goto(`${app.server.url}/wall?token=${display}`);
    const outsideOnWall = () => wall.locator('[data-kpi="outsideNow"]').first().textContent();
    await expect.poll(outsideOnWall, { timeout: 20_000 }).toBe("0");

    const context = await app.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/gate?token=${volunteer}`);
    const { code } = await approved({ tripHours: 2 });
    await page.locator('input[name="code"]').fill(code);
    await page.locator('button[type="submit"]').click();
    const green = page.locator('[data-result="green"][data-direction="out"]');
    await green.waitFor({ timeout: 15_000 });
    expect(await green.textContent()).toContain("出门 OUT");
    expect(await green.textContent()).toContain("Building 1");
    expect(await green.textContent()).not.toContain("Zhang Wei");
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, "gate-green");
    await expect.poll(outsideOnWall, { timeout: 20_000 }).toBe("1");
    await page.getByRole("button", { name: /Next/ }).click();
    await page.locator('input[name="code"]').fill(code);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-result="green"][data-direction="in"]').waitFor({ timeout: 15_000 });
    await expect.poll(outsideOnWall, { timeout: 20_000 }).toBe("0");
    await page.getByRole("button", { name: /Next/ }).click();

    const expired = await approved({ until: new Date(Date.now() - 60_000).toISOString() });
    await page.locator('input[name="code"]').fill(expired.code);
    await page.locator('button[type="submit"]').click();
    const red = page.locator('[data-result="red"]');
    await red.waitFor({ timeout: 15_000 });
    expect(await red.textContent()).toContain("过期");
    expect(await red.textContent()).toContain("ran out");
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, "gate-red");
    await page.getByRole("button", { name: /Next/ }).click();
    expect(await axeProblems(page)).toEqual([]);
    await context.close();
    await wallContext.close();
  });

  it("GATE9 a pass's QR code shown to the camera (Chromium's fake camera playing a video made from it): green out", async () => {
    const { code } = await approved({ tripHours: 1 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${qrVideo(code)}`,
      ],
    });
    try {
      const context = await browser.newContext({ ...PHONE, permissions: ["camera"] });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/gate?token=${await app.server.mint("volunteer", "camera phone")}`);
      await page.locator("[data-camera]").click();
      await page.locator('[data-result="green"][data-direction="out"]').waitFor({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
});
