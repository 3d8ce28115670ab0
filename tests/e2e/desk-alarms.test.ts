import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";

const ADMIN = "desk-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("DESK: the secretary acknowledges alarms and sets post minimums", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  const api = (p: string, body?: unknown) => app.server.api(p, body);

  it("DESK1 an urgent request's alarm shows on the desk; Acknowledge clears it from the wall view", async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-desk-alarms="0"]').waitFor();
    const opened = await api("/api/events", {
      type: "request.opened",
      payload: { requestId: "labour", householdId: "h1", kind: "medical", urgent: true },
    });
    expect(opened.status).toBe(201);
    const alarm = page.locator(`[data-alert-id="${opened.body.accepted[0].seq}"]`);
    await alarm.waitFor({ timeout: 30_000 });
    expect(await alarm.textContent()).toMatch(/Building 1/);
    await alarm.getByRole("button").click();
    await page.locator('[data-desk-alarms="0"]').waitFor({ timeout: 30_000 });
    expect((await api("/api/wall")).body.alerts.total).toBe(0);
    await page.close();
  });

  it("DESK2 the minimums form sets a post's minimum, and a bad value shows the API's message", async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await page.locator('input[name="post"]').fill("gate");
    await page.locator('input[name="minimum"]').fill("3");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.locator('[data-minimum-status="ok"]').waitFor({ timeout: 30_000 });
    const posts = (await api("/api/wall")).body.posts as { post: string; minimum: number | null }[];
    expect(posts.find((p) => p.post === "gate")?.minimum).toBe(3);
    await page.locator('[data-post="gate"]').filter({ hasText: "/ 3" }).waitFor({ timeout: 30_000 });
    await page.locator('input[name="post"]').fill("Front Gate!");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.locator('[data-minimum-status="error"]').waitFor({ timeout: 30_000 });
    await page.close();
  });

  it("DESK3 the request queue shows the release rule's verdict; an override needs a reason; approve, then fulfil", async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}/?token=${ADMIN}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(
      (
        await api("/api/events", {
          type: "request.opened",
          payload: { requestId: "nurse", householdId: "h2", kind: "leave", person: "nurse Wu" },
        })
      ).status,
    ).toBe(201);
    const item = page.locator('[data-request="nurse"]');
    await item.waitFor({ timeout: 30_000 });
    expect(await item.locator("[data-release]").getAttribute("data-release")).toBe("blocked");
    expect(await item.textContent()).toMatch(/commitment letter/);
    const override = item.getByRole("button", { name: "Approve with override" });
    expect(await override.isDisabled()).toBe(true);
    await item.getByRole("textbox").fill("hospital confirmed the recall by phone");
    page.once("dialog", (d) => void d.accept());
    await override.click();
    await item.getByRole("button", { name: "Mark fulfilled" }).waitFor({ timeout: 30_000 });
    const approved = (await api("/api/requests")).body.requests.find((r: { requestId: string }) => r.requestId === "nurse");
    expect(approved.status).toBe("approved");
    await item.getByRole("button", { name: "Mark fulfilled" }).click();
    await item.waitFor({ state: "detached", timeout: 30_000 });
    const feed = (await api("/api/events?after=0&limit=1000")).body.events as {
      type: string;
      payload: { override?: { reason: string } };
    }[];
    expect(feed.find((e) => e.type === "request.approved")?.payload.override?.reason).toBe("hospital confirmed the recall by phone");
    await page.close();
  });
});
