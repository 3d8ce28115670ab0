import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { launchBrowser } from "./browser";

/** Registers hooks that start the whole server seeded with `seed()` and a Chromium, and close both after the suite. */
export function withBrowserApp(admin: string, seed: () => unknown[]) {
  const app = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    app.server = await startAppServer(admin);
    expect((await app.server.api("/api/events", { events: seed() })).status).toBe(201);
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
