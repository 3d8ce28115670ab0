// Why: the secretary's own controls (seal, rounds, the queue's order and the decisions' basis, the wall's alarms) in a real browser.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { hoursBefore, smallCompound } from "../support/fixtures";
import { waitFor } from "../support/wait";
import { SCREENSHOTS, screenshot } from "../support/wall-page";

const ADMIN = "desk-controls-admin-token-0123456789";
const ready = browserAvailable();

type FeedEvent = { seq: number; type: string; payload: Record<string, any> };

describe.skipIf(!ready)("DESK: the secretary seals, runs rounds, works the queue in order and sees the wall's alarms", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  const api = (p: string, body?: unknown) => app.server.api(p, body);
  const post = async (type: string, payload: object, occurredAt?: string) =>
    expect((await api("/api/events", { type, payload, ...(occurredAt ? { occurredAt } : {}) })).status, type).toBe(201);
  const feed = async (type: string) =>
    ((await api("/api/events?after=0&limit=1000")).body.events as FeedEvent[]).filter((e) => e.type === type);
  let display: string;
  beforeAll(async () => {
    display = await app.server.mint("display", "office wall");
  });

  /** A page signed in by the cookie, recording the bodies of the events it posts. */
  async function open(pathname: string, token: string, viewport = { width: 1440, height: 1000 }) {
    const context: BrowserContext = await app.browser.newContext({ viewport });
    const page: Page = await context.newPage();
    const posted: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/events") posted.push(r.postData() ?? "");
    });
    await page.goto(`${app.server.url}${pathname}${pathname.includes("?") ? "&" : "?"}token=${token}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    return { page, posted, close: () => context.close() };
  }
  const openDesk = (query = "") => open(`/${query}`, ADMIN);
  const openWall = () => open("/wall", display, { width: 1920, height: 1080 });

  it("DESK4 a building is sealed from the desk's grid after a confirmation, with a reason (the wall shows it; Cancel posts nothing), then unsealed", async () => {
    const desk = await openDesk();
    const wall = await openWall();
    const { page } = desk;
    await page.locator('[data-building="b1"][data-selectable]').click();
    const panel = page.locator('[data-building-actions="b1"]');
    expect(await panel.locator("[data-building-state]").getAttribute("data-building-state")).toBe("open");
    expect(await panel.locator('[data-history-link="b1"]').getAttribute("href")).toBe("/history?entity=building&id=b1");

    // Cancel: the dialog said what would happen, and nothing is posted.
    await panel.getByRole("button", { name: "Seal…", exact: true }).click();
    const dialog = page.locator('dialog[data-confirm="seal"]');
    await dialog.waitFor();
    expect(await dialog.locator("[data-confirm-body]").textContent()).toContain("Building 1 will be sealed now");
    await dialog.locator('textarea[name="seal-reason"]').fill("cancelled, must not be sent");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });

    // Confirm, with a reason.
    await panel.getByRole("button", { name: "Seal…", exact: true }).click();
    await dialog.waitFor();
    expect(await dialog.locator('textarea[name="seal-reason"]').inputValue()).toBe("");
    await dialog.locator('textarea[name="seal-reason"]').fill("positive case in unit 101");
    await screenshot(page, "desk-seal-dialog");
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await dialog.waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(() => wall.page.locator('[data-building="b1"]').getAttribute("data-sealed"), { timeout: 30_000 }).toBe("true");
    await panel.locator('[data-building-state="sealed"]').waitFor({ timeout: 30_000 });
    // Exactly one seal reached the feed, the confirmed one: the cancelled dialog sent nothing.
    const sealed = await feed("building.sealed");
    expect(sealed.map((e) => e.payload)).toEqual([{ buildingId: "b1", reason: "positive case in unit 101" }]);
    expect(desk.posted).toHaveLength(1);

    // Unseal, after its own confirmation.
    await panel.getByRole("button", { name: "Unseal…", exact: true }).click();
    const unsealDialog = page.locator('dialog[data-confirm="unseal"]');
    expect(await unsealDialog.locator("[data-confirm-body]").textContent()).toContain("Building 1 will be unsealed now");
    await unsealDialog.getByRole("button", { name: "Confirm" }).click();
    await unsealDialog.waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(() => wall.page.locator('[data-building="b1"]').getAttribute("data-sealed"), { timeout: 30_000 }).toBe("false");
    expect((await feed("building.unsealed")).map((e) => e.payload)).toEqual([{ buildingId: "b1" }]);

    // The building's history link shows the seal and its reason.
    await panel.locator('[data-history-link="b1"]').click();
    await page.getByText("Building 1 sealed: positive case in unit 101").waitFor({ timeout: 30_000 });

    // In Chinese the dialog says it in Chinese; cancelling still posts nothing.
    await page.goto(`${app.server.url}/?lang=zh-CN`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-building="b2"][data-selectable]').click();
    await page.locator('[data-building-actions="b2"]').getByRole("button", { name: "封控…", exact: true }).click();
    const zh = page.locator('dialog[data-confirm="seal"]');
    expect(await zh.locator("[data-confirm-body]").textContent()).toContain("Building 2将立即封控");
    await screenshot(page, "desk-seal-dialog-zh");
    await zh.getByRole("button", { name: "取消" }).click();
    await zh.waitFor({ state: "detached" });
    expect(desk.posted).toHaveLength(2);
    expect((await api("/api/wall")).body.buildings.find((b: { buildingId: string }) => b.buildingId === "b2").sealed).toBe(false);
    await wall.close();
    await desk.close();
  });

  it("DESK5 a round is closed and a new one opened from the desk, kind chosen, a readable id and a label, each after a confirmation", async () => {
    const desk = await openDesk();
    const { page } = desk;
    const controls = page.locator("[data-round-controls]");
    await page.locator('[data-round-controls="open"]').waitFor({ timeout: 30_000 });

    const closeRound = async (roundId: string, said = roundId) => {
      await controls.getByRole("button", { name: "Close the round…" }).click();
      const d = page.locator('dialog[data-confirm="round-close"]');
      expect(await d.locator("[data-confirm-body]").textContent()).toContain(`Round ${said} closes now`);
      await d.getByRole("button", { name: "Confirm" }).click();
      await d.waitFor({ state: "detached", timeout: 30_000 });
      await page.locator('[data-round-controls="none"]').waitFor({ timeout: 30_000 });
      expect((await api("/api/snapshot")).body.round).toBeNull();
    };
    const openRound = async (kind: "PCR" | "Antigen", label: string) => {
      await controls.getByRole("button", { name: "Open a round…" }).click();
      const d = page.locator('dialog[data-confirm="round-open"]');
      await d.getByRole("radio", { name: kind }).check();
      await d.locator('input[name="round-label"]').fill(label);
      const roundId = await d.locator('input[name="round-id"]').inputValue();
      expect(await d.locator("[data-confirm-body]").textContent()).toContain(`Round ${roundId} (${kind}, “${label}”) opens now`);
      await d.getByRole("button", { name: "Confirm" }).click();
      await d.waitFor({ state: "detached", timeout: 30_000 });
      await page.locator('[data-round-controls="open"]').waitFor({ timeout: 30_000 });
      return roundId;
    };

    await closeRound("r1");
    const first = await openRound("Antigen", "Evening antigen");
    expect(first).toMatch(/^antigen-\d{4}-\d{2}-\d{2}-1$/);
    expect((await api("/api/snapshot")).body.round).toMatchObject({ roundId: first, kind: "antigen" });
    // The desk reads a round by the label the secretary typed.
    await page.getByText("Round: Evening antigen (ANTIGEN)").waitFor({ timeout: 30_000 });
    // Closing it names it by its label too, never by its id.
    await closeRound(first, "“Evening antigen”");
    const second = await openRound("PCR", "Second sweep");
    expect(second).toBe(first.replace(/^antigen-(.*)-1$/, "pcr-$1-2"));
    const opened = await feed("round.opened");
    expect(opened.slice(-2).map((e) => e.payload)).toEqual([
      { roundId: first, kind: "antigen", label: "Evening antigen" },
      { roundId: second, kind: "pcr", label: "Second sweep" },
    ]);
    expect((await feed("round.closed")).map((e) => e.payload.roundId)).toEqual(["r1", first]);
    await desk.close();
  });

  it("DESK6 DESK9 the queue on the desk puts urgent requests first, then the longest waiting; a delivery needs nothing", async () => {
    const base = new Date();
    await post("request.opened", { requestId: "q-new", householdId: "h1", kind: "supplies" }, hoursBefore(1, base));
    await post("request.opened", { requestId: "q-urgent-new", householdId: "h2", kind: "medical", urgent: true }, hoursBefore(0.2, base));
    await post("request.opened", { requestId: "q-old", householdId: "h3", kind: "leave" }, hoursBefore(3, base));
    await post("request.opened", { requestId: "q-urgent-old", householdId: "h3", kind: "medicine", urgent: true }, hoursBefore(2, base));
    const desk = await openDesk();
    const order = () => desk.page.locator("[data-request]").evaluateAll((els) => els.map((e) => e.getAttribute("data-request")));
    await waitFor(async () => (await order()).length === 4, "the four requests on the desk");
    expect(await order()).toEqual(["q-urgent-old", "q-urgent-new", "q-old", "q-new"]);
    // A delivery (medicine) needs nothing: the desk says so instead of naming what is missing (v1.2).
    const delivery = desk.page.locator('[data-request="q-urgent-old"] [data-release]');
    expect(await delivery.getAttribute("data-release")).toBe("delivery");
    expect(await delivery.textContent()).toBe("A delivery: no documents or override needed");
    expect(await desk.page.locator('[data-request="q-urgent-old"]').getByRole("button", { name: "Approve", exact: true }).isEnabled()).toBe(
      true,
    );
    await desk.close();
  });

  it("DESK7 an approved request shows its basis and the override's reason, and no longer what it needed", async () => {
    await post("request.opened", { requestId: "q-docs", householdId: "h1", kind: "leave" });
    await post("request.document_added", { requestId: "q-docs", document: "commitment_letter" });
    await post("request.document_added", { requestId: "q-docs", document: "test_report", testedAt: hoursBefore(5) });
    const desk = await openDesk();
    const { page } = desk;
    const old = page.locator('[data-request="q-old"]');
    await old.waitFor({ timeout: 30_000 });
    expect(await old.textContent()).toContain("Needs: a signed commitment letter");

    // Override, from the desk: a reason, then the button.
    await old.getByRole("textbox").fill("father's funeral, death notice seen");
    // Confirmed once (a gloved tap must not approve by accident): dismissed, nothing is posted; accepted, it is.
    page.once("dialog", (d) => void d.dismiss());
    await old.getByRole("button", { name: "Approve with override", exact: true }).click();
    expect(await old.locator("[data-decision]").count()).toBe(0);
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await old.getByRole("button", { name: "Approve with override", exact: true }).click();
    expect(await asked).toContain("Approve with override");
    await old.locator('[data-decision="override"]').waitFor({ timeout: 30_000 });
    expect(await old.locator("[data-decision-basis]").textContent()).toBe("Approved: override");
    expect(await old.locator("[data-override-reason]").textContent()).toBe("father's funeral, death notice seen");
    expect(await old.textContent()).not.toContain("Needs");
    expect(await old.locator("[data-release]").count()).toBe(0);

    // Urgent medical, approved at once.
    const urgent = page.locator('[data-request="q-urgent-new"]');
    page.once("dialog", (d) => void d.accept());
    await urgent.getByRole("button", { name: "Approve", exact: true }).click();
    await urgent.locator('[data-decision="urgent_medical"]').waitFor({ timeout: 30_000 });
    expect(await urgent.locator("[data-decision-basis]").textContent()).toBe("Approved: urgent medical");
    expect(await urgent.locator("[data-override-reason]").count()).toBe(0);

    // Documents: the release rule met, with the approval's note.
    await post("request.approved", { requestId: "q-docs", note: "back before curfew" });
    const docs = page.locator('[data-request="q-docs"]');
    await docs.locator('[data-decision="documents"]').waitFor({ timeout: 30_000 });
    expect(await docs.locator("[data-decision-basis]").textContent()).toBe("Approved: the release rule is met");
    expect(await docs.textContent()).toContain("back before curfew");
    expect(await docs.textContent()).not.toContain("Needs");
    await desk.close();
  });

  it("DESK8 the desk's alarm list holds the wall's alarms, an understaffed post included; screenshot", async () => {
    await post("volunteer.checked_in", { volunteerId: "v1", post: "gate" });
    await post("post.minimum_set", { post: "gate", minimum: 3 });
    const desk = await openDesk();
    const wall = await openWall();
    const wallAlarms = wall.page.locator("[data-alarms] [data-alarm]");
    const deskAlarms = desk.page.locator("[data-desk-alarm]");
    await wall.page.locator('[data-alarm="warn"]').waitFor({ timeout: 30_000 });
    await desk.page.locator('[data-desk-alarm="warn"][data-short-post="gate"]').waitFor({ timeout: 30_000 });
    // The wall shows the open urgent request (q-urgent-old, still pending) and the short post.
    const fromWall = await wallAlarms.evaluateAll((els) => els.map((e) => [e.getAttribute("data-alarm"), e.textContent ?? ""] as const));
    const fromDesk = await deskAlarms.evaluateAll((els) =>
      els.map((e) => [e.getAttribute("data-desk-alarm"), e.querySelector("[data-alarm-text]")?.textContent ?? ""] as const),
    );
    expect(fromWall.map(([tone]) => tone)).toEqual(["alarm", "warn"]);
    expect(fromDesk.map(([tone]) => tone)).toEqual(fromWall.map(([tone]) => tone));
    for (const [i, [, text]] of fromDesk.entries()) expect(fromWall[i]![1]).toContain(text);
    expect(fromDesk[1]![1]).toBe("Too few volunteers at gate: 1 on duty, 3 needed");

    // Met again: the post's alarm leaves both.
    await post("post.minimum_set", { post: "gate", minimum: 1 });
    await expect.poll(() => wall.page.locator('[data-alarm="warn"]').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => desk.page.locator('[data-desk-alarm="warn"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await deskAlarms.count()).toBe(await wallAlarms.count());

    await post("post.minimum_set", { post: "gate", minimum: 2 });
    await post("building.sealed", { buildingId: "b2", reason: "contact of a positive case" });
    await desk.page.locator('[data-building="b2"][data-sealed="true"]').waitFor({ timeout: 30_000 });
    await desk.page.locator('[data-desk-alarm="warn"]').waitFor({ timeout: 30_000 });
    await desk.page.locator('[data-building="b1"][data-selectable]').click();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, "desk.png");
    await desk.page.screenshot({ path: file, fullPage: true });
    copyFileSync(file, path.resolve("docs/desk.png"));
    await wall.close();
    await desk.close();
  });
});
