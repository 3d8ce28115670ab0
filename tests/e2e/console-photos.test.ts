// Why: a photo of a letter taken on the console in a stairwell reaches the desk later, once, clean of its camera's metadata.
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { cameraJpeg, plainPng, SERIAL } from "../support/documents";
import { smallCompound } from "../support/fixtures";
import { controlled, keptEntries, outboxCounts, phoneProfile } from "../support/offline-phone";

const ADMIN = "photos-admin-token-0123456789";
const ready = browserAvailable();

type FeedEvent = { seq: number; id: string; type: string; payload: Record<string, unknown> };

const form = (page: Page, id: string) => page.locator(`form[data-form="${id}"]`);
const statusOf = (page: Page, id: string) => form(page, id).locator("[data-status]").getAttribute("data-status");

async function send(page: Page, id: string, expected: "queued" | "ok") {
  await form(page, id).locator('button[type="submit"]').tap();
  await expect.poll(() => statusOf(page, id), { timeout: 30_000 }).toBe(expected);
}

/** Opens a leave request for `householdId` (building b1) on the console; answers its number. */
async function openRequest(page: Page, householdId: string, expected: "queued" | "ok"): Promise<string> {
  await openTask(page, "request");
  const request = form(page, "request");
  const number = (await request.locator("[data-request-number]").getAttribute("data-request-number")) ?? "";
  await request.locator('[data-pick-building="b1"]').tap();
  await request.locator(`[data-household="${householdId}"]`).tap();
  await request.locator('select[name="kind"]').selectOption("leave");
  await send(page, "request", expected);
  return number;
}

describe.skipIf(!ready)("OUTBOX14: the console's photos go through the outbox", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  const profile = phoneProfile("zh-CN");
  const open: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close().catch(() => {})));
    profile.remove();
  });
  const feed = async (): Promise<FeedEvent[]> => (await app.server.api("/api/events?after=0&limit=1000")).body.events;
  const documentsOf = async (requestId: string) =>
    (await feed()).filter((e) => e.type === "request.document_added" && e.payload.requestId === requestId);

  it("OUTBOX14 a photo taken offline waits on the phone (across a reload), then reaches the desk once, without its EXIF", async () => {
    const token = await app.server.mint("volunteer", "stairwell camera");
    const context = await profile.open();
    open.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await controlled(page);

    await context.setOffline(true);
    const requestId = await openRequest(page, "h1", "queued");
    const documents = form(page, "document");
    expect(await documents.locator("[data-document-request]").getAttribute("data-document-request")).toBe(requestId);
    await documents
      .locator('input[name="photo"]')
      .setInputFiles({ name: "letter.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg() });
    await send(page, "document", "queued");
    await expect.poll(() => outboxCounts(page)).toEqual({ waiting: 2, refused: 0 });
    const [, doc] = await keptEntries(page);
    expect(doc?.event.type).toBe("request.document_added");
    const row = page.locator(`[data-outbox-entry="${doc?.id}"]`);
    expect(await row.locator("[data-photo]").textContent()).toBe("照片待发送");

    // Reloaded with no network: the photo is still on the phone, still waiting.
    await page.reload();
    await expect.poll(() => outboxCounts(page), { timeout: 30_000 }).toEqual({ waiting: 2, refused: 0 });
    await expect.poll(() => row.locator("[data-photo]").getAttribute("data-photo"), { timeout: 10_000 }).toBe("waiting");
    expect(await documentsOf(requestId)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => outboxCounts(page), { timeout: 30_000 }).toEqual({ waiting: 0, refused: 0 });
    // Once: one document, naming one file; the request on the desk holds that one picture.
    const added = await documentsOf(requestId);
    expect(added).toHaveLength(1);
    expect(added[0]?.id).toBe(doc?.id);
    const fileId = String(added[0]?.payload.fileId ?? "");
    expect(fileId).not.toBe("");
    const item = (await app.server.api("/api/requests")).body.requests.find((r: { requestId: string }) => r.requestId === requestId);
    expect(item.files).toEqual([{ document: "commitment_letter", fileId, testedAt: null }]);
    // The bytes are off the phone once sent; its id stays with the action.
    const kept = (await keptEntries(page)).find((e) => e.id === doc?.id) as unknown as { upload?: { blob?: unknown; fileId?: string } };
    expect(kept.upload).toEqual({ fileId });

    const served = await fetch(`${app.server.url}/api/files/${fileId}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.exif, bytes.toString("latin1").includes(SERIAL), (meta.height ?? 0) > (meta.width ?? 0)]).toEqual([
      undefined,
      false,
      true,
    ]);

    const desk = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    open.push(desk);
    const d = await desk.newPage();
    await d.goto(`${app.server.url}/?token=${ADMIN}&lang=en`);
    const onDesk = d.locator(`[data-request="${requestId}"] [data-documents] img`);
    await expect
      .poll(() => onDesk.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0)), { timeout: 20_000 })
      .toEqual([true]);
    await desk.close();
    await context.close();
  });

  it("OUTBOX14b the photo is uploaded once: a lost reply to its document and a reload before the retry send the same file id and the same event", async () => {
    const token = await app.server.mint("volunteer", "flaky stairwell");
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
    });
    open.push(context);
    const uploads: number[] = [];
    const documentPosts: string[] = [];
    let held = true;
    await context.route("**/api/files", async (route) => {
      const r = await route.fetch();
      uploads.push(r.status());
      return route.fulfill({ response: r });
    });
    await context.route("**/api/events", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as { id?: string; type?: string };
      if (body.type !== "request.document_added") return route.continue();
      documentPosts.push(body.id ?? "");
      // The first document reaches the server, and its answer is lost; later ones fail until released.
      if (documentPosts.length === 1) {
        await route.fetch();
        return route.abort("connectionreset");
      }
      if (held) return route.abort("connectionreset");
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const requestId = await openRequest(page, "h2", "ok");
    await form(page, "document").locator('select[name="document"]').selectOption("test_report");
    const photo = await plainPng([10, 200, 30], 96);
    await form(page, "document").locator('input[name="photo"]').setInputFiles({ name: "report.png", mimeType: "image/png", buffer: photo });
    await form(page, "document").locator('button[type="submit"]').tap();
    await expect.poll(() => documentPosts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // Reloaded before any retry got through: the kept file id goes with the action.
    await page.reload();
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    held = false;
    await expect.poll(() => outboxCounts(page), { timeout: 60_000 }).toEqual({ waiting: 0, refused: 0 });
    expect(uploads).toEqual([201]);
    expect(new Set(documentPosts).size).toBe(1);
    const added = await documentsOf(requestId);
    expect(added).toHaveLength(1);
    expect(added[0]?.payload).toMatchObject({ document: "test_report", fileId: expect.any(String) });
    await context.close();
  });
});
