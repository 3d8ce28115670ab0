import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNT_KEYS } from "../../server/protocol/state";
import { browserAvailable, launchBrowser } from "../support/browser";
import { smallCompound } from "../support/fixtures";
import { freePort, type Spawned, spawnServer } from "../support/spawn";

const ADMIN = "e2e-admin-token-0123456789";
const ready = browserAvailable();

describe.skipIf(!ready)("UI: the wall in a real browser", () => {
  let server: Spawned;
  let browser: Browser;
  let dataDir: string;
  const api = (p: string, body?: unknown) =>
    fetch(`${server.url}${p}`, {
      method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "cordon-e2e-"));
    server = await spawnServer({ PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, DEMO: "0" });
    expect((await api("/api/events", { events: smallCompound() })).status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("UI1 a sign-in link opens /wall, drops the token from the address, and the numbers follow a posted event", async () => {
    const { token } = (await (await api("/api/tokens", { role: "display", label: "office wall" })).json()) as { token: string };
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/wall?token=${token}`);
    expect(new URL(page.url()).pathname).toBe("/wall");
    expect(page.url()).not.toContain("token");
    const cookie = (await context.cookies()).find((c) => c.name === "cordon_session");
    expect(cookie?.httpOnly).toBe(true);

    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const snap = (await (await api("/api/snapshot")).json()) as { counts: Record<string, number> };
    for (const k of COUNT_KEYS) {
      const text = await page.locator(`[data-kpi="${k}"]`).first().textContent();
      expect(Number(text?.replace(/[^0-9]/g, "")), k).toBe(snap.counts[k]);
    }
    const tested = page.locator('[data-kpi="householdsTested"]').first();
    expect(await tested.textContent()).toBe("0");
    expect((await api("/api/events", { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } })).status).toBe(201);
    await expect.poll(() => tested.textContent(), { timeout: 5000 }).toBe("1");
    await context.close();
  });
});
