import { describe, expect, it } from "vitest";
import { COUNT_KEYS } from "../../server/protocol/state";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";

const ADMIN = "e2e-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("UI: the wall in a real browser", () => {
  const app = withBrowserApp(ADMIN, smallCompound);
  const api = (p: string, body?: unknown) => app.server.api(p, body);

  it("UI1 a sign-in link opens /wall, drops the token from the address, and the numbers follow a posted event", async () => {
    const token = await app.server.mint("display", "office wall");
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/wall?token=${token}`);
    expect(new URL(page.url()).pathname).toBe("/wall");
    expect(page.url()).not.toContain("token");
    const cookie = (await context.cookies()).find((c) => c.name === "cordon_session");
    expect(cookie?.httpOnly).toBe(true);

    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const snap = (await api("/api/snapshot")).body as { counts: Record<string, number> };
    for (const k of COUNT_KEYS) {
      const text = await page.locator(`[data-kpi="${k}"]`).first().textContent();
      expect(Number(text?.replace(/[^0-9]/g, "")), k).toBe(snap.counts[k]);
    }
    const tested = page.locator('[data-kpi="householdsTested"]').first();
    expect(await tested.textContent()).toBe("0");
    expect((await api("/api/events", { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } })).status).toBe(201);
    await expect.poll(() => tested.textContent(), { timeout: 30_000 }).toBe("1");
    await context.close();
  });
});
