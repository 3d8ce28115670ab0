// Why: a phone whose browser can be closed and opened again with the same storage (service worker, IndexedDB), for the outbox tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM } from "./browser";
import { waitFor } from "./wait";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A phone-sized Chromium with its own profile on disk: `open()` launches it, closing it keeps the profile. */
export function phoneProfile(locale = "zh-CN") {
  const dir = mkdtempSync(path.join(tmpdir(), "cordon-phone-"));
  return {
    open: (offline = false): Promise<BrowserContext> =>
      chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        args: ARGS,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale,
        offline,
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until the console's service worker controls the page (its precache is then complete). */
export const controlled = (page: Page) =>
  waitFor(
    () => page.evaluate(() => navigator.serviceWorker?.controller !== null),
    "the service worker to control the console",
    30_000,
    100,
  );

export type KeptEntry = {
  id: string;
  order: number;
  state: string;
  event: { type: string; occurredAt: string; payload: Record<string, unknown> };
};

/** The outbox as kept in the phone's IndexedDB, in the order the actions were made. */
export const keptEntries = (page: Page): Promise<KeptEntry[]> =>
  page.evaluate(
    () =>
      new Promise<KeptEntry[]>((resolve, reject) => {
        const open = indexedDB.open("cordon-outbox");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("entries").objectStore("entries").getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as KeptEntry[]).sort((a, b) => a.order - b.order));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );

/** The outbox panel's counts: actions waiting and refused. */
export async function outboxCounts(page: Page): Promise<{ waiting: number; refused: number }> {
  const panel = page.locator("[data-outbox]");
  return { waiting: Number(await panel.getAttribute("data-outbox")), refused: Number(await panel.getAttribute("data-refused")) };
}
