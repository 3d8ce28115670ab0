// Why: the phone console in a stairwell: it opens without a connection, keeps every action with its id, and sends each once, in order.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { controlled, keptEntries, outboxCounts, phoneProfile } from "../support/offline-phone";
import { waitFor } from "../support/wait";
import { SCREENSHOTS } from "../support/wall-page";

const ADMIN = "outbox-admin-token-0123456789";
const ready = browserAvailable();

function compound() {
  const e = (type: string, payload: object) => ({ type, payload });
  const h = (householdId: string, buildingId: string, unit: string) =>
    e("household.registered", { householdId, buildingId, unit, residents: 2 });
  return [
    e("building.registered", { buildingId: "b1", label: "1号楼" }),
    e("building.registered", { buildingId: "b2", label: "2号楼" }),
    h("h1", "b1", "101"),
    h("h2", "b1", "102"),
    h("h3", "b2", "201"),
    ...["v1", "v2", "v3"].map((volunteerId) => e("volunteer.registered", { volunteerId, name: volunteerId })),
    e("round.opened", { roundId: "r1", kind: "pcr" }),
    e("request.opened", { requestId: "R-OLD", householdId: "h3", kind: "supplies" }),
  ];
}

type FeedEvent = { seq: number; id: string; type: string; occurredAt: string; payload: Record<string, unknown> };

const form = (page: Page, id: string) => page.locator(`form[data-form="${id}"]`);
const statusOf = (page: Page, id: string) => form(page, id).locator("[data-status]").getAttribute("data-status");

async function send(page: Page, id: string, expected: "queued" | "ok") {
  await form(page, id).locator('button[type="submit"]').tap();
  await expect.poll(() => statusOf(page, id), { timeout: 30_000 }).toBe(expected);
}

describe.skipIf(!ready)("OUTBOX: the phone console that survives the stairwell", () => {
  const app = withBrowserApp(ADMIN, compound);
  const profile = phoneProfile("zh-CN");
  const fresh = phoneProfile("en");
  const stairwell = phoneProfile("zh-CN");
  const open: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close().catch(() => {})));
    profile.remove();
    fresh.remove();
    stairwell.remove();
  });
  const feed = async (): Promise<FeedEvent[]> => (await app.server.api("/api/events?after=0&limit=1000")).body.events;

  it("OUTBOX1-OUTBOX4 actions made offline survive a reload and a closed browser, then arrive once each, in order; a refusal shows its reason", async () => {
    const token = await app.server.mint("volunteer", "stairwell");
    let context = await profile.open();
    open.push(context);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await controlled(page);
    await form(page, "tested").locator('[data-pick-building="b1"]').waitFor();

    await context.setOffline(true);
    const tested = form(page, "tested");
    await tested.locator('[data-pick-building="b1"]').tap();
    await tested.locator('[data-household="h1"]').tap();
    await send(page, "tested", "queued");

    await openTask(page, "duty");
    await form(page, "check-in").locator('input[name="volunteerId"]').fill("v1");
    await send(page, "check-in", "queued");

    // Opening a request shows its number, made on the phone, and leads to its documents.
    await openTask(page, "request");
    const request = form(page, "request");
    const number = await waitFor(() => request.locator("[data-request-number]").getAttribute("data-request-number"), "a request number");
    expect(number).toMatch(/^R-[2-9A-HJKMNP-Z]{6}$/);
    await request.locator('[data-pick-building="b1"]').tap();
    await request.locator('[data-household="h2"]').tap();
    await request.locator('select[name="kind"]').selectOption("leave");
    await send(page, "request", "queued");
    const documents = form(page, "document");
    expect(await documents.locator("[data-document-request]").getAttribute("data-document-request")).toBe(number);

    // A test report: the time is picked (datetime-local), filled in with now rounded; a photo stays on the phone.
    await documents.locator('select[name="document"]').selectOption("test_report");
    const picked = await documents.locator('input[name="testedAt"]').inputValue();
    expect(await documents.locator('input[name="testedAt"]').getAttribute("type")).toBe("datetime-local");
    expect(picked).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(Date.now() - new Date(picked).getTime()).toBeLessThan(6 * 60_000);
    await documents.locator('input[name="photo"]').setInputFiles({
      name: "report.png",
      mimeType: "image/png",
      buffer: readFileSync("public/icons/console-192.png"),
    });
    await send(page, "document", "queued");

    // A document for a request the secretary is about to reject.
    await documents.getByRole("button", { name: "其他请求" }).tap();
    await documents.locator('input[name="requestId"]').fill("R-OLD");
    await send(page, "document", "queued");
    await expect.poll(() => outboxCounts(page)).toEqual({ waiting: 5, refused: 0 });
    const made = await keptEntries(page);
    expect(made.map((e) => e.event.type)).toEqual([
      "household.tested",
      "volunteer.checked_in",
      "request.opened",
      "request.document_added",
      "request.document_added",
    ]);
    expect(made[3]?.event.payload).toMatchObject({ requestId: number, document: "test_report" });
    expect(await page.locator(`[data-outbox-entry="${made[3]?.id}"] img`).count()).toBe(1);

    // Reloaded offline: the page comes from the service worker, the actions from IndexedDB.
    await page.reload();
    await expect.poll(() => outboxCounts(page), { timeout: 30_000 }).toEqual({ waiting: 5, refused: 0 });
    expect((await feed()).filter((e) => made.some((m) => m.id === e.id))).toEqual([]);

    // The browser is closed; meanwhile the secretary rejects R-OLD; the browser opens again, still offline.
    await context.close();
    expect((await app.server.api("/api/events", { type: "request.rejected", payload: { requestId: "R-OLD", reason: "no" } })).status).toBe(
      201,
    );
    context = await profile.open(true);
    open.push(context);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.server.url}/console`);
    await expect.poll(() => outboxCounts(page), { timeout: 30_000 }).toEqual({ waiting: 5, refused: 0 });

    const onlineAt = Date.now();
    await context.setOffline(false);
    await expect.poll(() => outboxCounts(page), { timeout: 20_000 }).toEqual({ waiting: 0, refused: 1 });
    const refused = page.locator(`[data-outbox-entry="${made[4]?.id}"][data-state="refused"]`);
    expect(await refused.locator("[data-refusal]").textContent()).toBe("请求 R-OLD 已驳回，已无法补充材料。");

    // Each action once, in the order made, dated when it was made; the refused one not at all.
    const mine = (await feed()).filter((e) => made.some((m) => m.id === e.id));
    expect(mine.map((e) => e.id)).toEqual(made.slice(0, 4).map((m) => m.id));
    for (const e of mine) expect(new Date(e.occurredAt).getTime()).toBeLessThan(onlineAt);
    expect((await app.server.api("/api/snapshot")).body.counts).toMatchObject({ householdsTested: 1, volunteersOnDuty: 1 });

    // One more action offline, for the picture: waiting and refused side by side.
    await context.setOffline(true);
    await openTask(page, "duty");
    await form(page, "check-out").locator('input[name="volunteerId"]').fill("v1");
    await send(page, "check-out", "queued");
    await expect.poll(() => outboxCounts(page)).toEqual({ waiting: 1, refused: 1 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = path.join(SCREENSHOTS, "console-outbox.png");
    await openTask(page, "outbox");
    await page.locator("[data-outbox]").scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot });
    mkdirSync("docs", { recursive: true });
    copyFileSync(shot, "docs/console-outbox.png");

    await context.setOffline(false);
    await expect.poll(() => outboxCounts(page), { timeout: 20_000 }).toEqual({ waiting: 0, refused: 1 });
    await refused.getByRole("button", { name: "删除" }).tap();
    await expect.poll(() => outboxCounts(page)).toEqual({ waiting: 0, refused: 0 });
    expect((await app.server.api("/api/snapshot")).body.counts.volunteersOnDuty).toBe(0);
    await context.close();
  });

  it("TRUST8 the door-knocking list survives a reload with no network: the last list read, its count, and taps queued from it", async () => {
    // A building of its own: the tests before this one record tests in b1 and b2.
    const e = (type: string, payload: object) => ({ type, payload });
    const building = [
      e("building.registered", { buildingId: "b9", label: "9号楼" }),
      e("household.registered", { householdId: "h91", buildingId: "b9", unit: "101", residents: 2 }),
      e("household.registered", { householdId: "h92", buildingId: "b9", unit: "102", residents: 1 }),
    ];
    expect((await app.server.api("/api/events", { events: building })).status).toBe(201);
    const token = await app.server.mint("volunteer", "dead stairwell");
    const context = await stairwell.open();
    open.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await controlled(page);
    const doors = page.locator('[data-doors="console"]');
    await doors.locator('[data-pick-building="b9"]').tap();
    await expect.poll(() => doors.locator("[data-household]").allTextContents(), { timeout: 10_000 }).toEqual(["101", "102"]);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => doors.locator("[data-household]").allTextContents(), { timeout: 15_000 }).toEqual(["101", "102"]);
    expect(await doors.locator("[data-doors-left]").getAttribute("data-doors-left")).toBe("2");
    await doors.locator('[data-household="h92"]').tap();
    await doors.locator('[data-household="h92"]').waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(() => outboxCounts(page).then((c) => c.waiting), { timeout: 10_000 }).toBe(1);
    // Reloaded again before the tap is sent: the tapped door stays off the list.
    await page.reload();
    await expect.poll(() => doors.locator("[data-household]").allTextContents(), { timeout: 15_000 }).toEqual(["101"]);

    await context.setOffline(false);
    await waitFor(
      async () => {
        const left = (await app.server.api("/api/untested?buildingId=b9")).body as {
          buildings: { households: { householdId: string }[] }[];
        };
        return !left.buildings.some((b) => b.households.some((h) => h.householdId === "h92"));
      },
      "the queued tap to reach the server",
      30_000,
    );
    await context.close();
  });

  it("OUTBOX5 the console opens with no network on a fresh navigation; it is installable; the API is never cached", async () => {
    // Opened once with a connection, then the browser is closed.
    const first = await fresh.open();
    open.push(first);
    const token = await app.server.mint("volunteer", "fresh-phone");
    const once = first.pages()[0] ?? (await first.newPage());
    await once.goto(`${app.server.url}/console?token=${token}`);
    await once.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await controlled(once);
    await form(once, "tested").locator('[data-pick-building="b1"]').waitFor();
    await first.close();

    const context = await fresh.open(true);
    open.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/console?lang=en`);
    await form(page, "tested").locator('[data-pick-building="b1"]').waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-connection]").getAttribute("data-connection")).not.toBe("live");
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expect(cached).toContain("/console");
    expect(cached.filter((u) => u.startsWith("/api/") || u.startsWith("/socket.io"))).toEqual([]);
    await context.setOffline(false);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute("href") ?? "";
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ start_url: "/console", display: "standalone", theme_color: expect.any(String) });
    for (const icon of manifest.icons as { src: string }[])
      expect((await page.request.get(`${app.server.url}${icon.src}`)).status()).toBe(200);
    // A sign-in link still reaches the server on a phone that has the console kept: the worker never answers it.
    const second = await app.server.mint("volunteer", "second-phone");
    await page.goto(`${app.server.url}/console?token=${second}`);
    expect(page.url()).not.toContain("token");
    await expect.poll(() => page.locator("[data-whoami]").textContent(), { timeout: 30_000 }).toContain("second-phone");
    await context.close();
  });

  it("OUTBOX6 a reply lost after the server accepted: the retry and a re-tap reuse the id, one event, no 'already on duty'", async () => {
    const token = await app.server.mint("volunteer", "lost-reply");
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, serviceWorkers: "block" });
    const page = await context.newPage();
    const bodies: { id: string; type: string }[] = [];
    const answers: number[] = [];
    let lost = 0;
    await page.route("**/api/events", async (route) => {
      bodies.push(JSON.parse(route.request().postData() ?? "{}"));
      if (lost === 0) {
        lost++;
        const handled = await route.fetch();
        answers.push(handled.status());
        return route.abort("connectionreset");
      }
      const r = await route.fetch();
      answers.push(r.status());
      return route.fulfill({ response: r });
    });
    await page.goto(`${app.server.url}/console?token=${token}&lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await openTask(page, "duty");
    const checkIn = form(page, "check-in");
    await checkIn.locator('input[name="volunteerId"]').fill("v2");
    await checkIn.locator('button[type="submit"]').click();
    await expect.poll(() => answers[0], { timeout: 30_000 }).toBe(201);
    // The volunteer did not see "recorded" and taps again with the same values.
    await expect.poll(() => statusOf(page, "check-in"), { timeout: 30_000 }).toMatch(/queued|ok/);
    await checkIn.locator('input[name="volunteerId"]').fill("v2");
    await checkIn.locator('button[type="submit"]').click();
    await expect.poll(() => statusOf(page, "check-in"), { timeout: 30_000 }).toBe("ok");
    await expect.poll(() => outboxCounts(page), { timeout: 30_000 }).toEqual({ waiting: 0, refused: 0 });
    const checkIns = (await feed()).filter((e) => e.type === "volunteer.checked_in" && e.payload.volunteerId === "v2");
    expect(checkIns).toHaveLength(1);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set([checkIns[0]?.id]));
    expect(answers.slice(1).every((s) => s === 200)).toBe(true);
    await context.close();
  });
});
