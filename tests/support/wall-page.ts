import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { COUNT_KEYS } from "../../server/protocol/state";

/** Where the browser tests leave their screenshots (named in the README). */
export const SCREENSHOTS = path.resolve("test-results/screenshots");

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Records the payload of every websocket frame the page receives. */
export function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (ws) =>
    ws.on("framereceived", (f) => frames.push(typeof f.payload === "string" ? f.payload : f.payload.toString("utf8"))),
  );
  return frames;
}

/** The number shown in a `data-kpi` element (thousands separators removed). */
export async function kpi(page: Page, name: string): Promise<number> {
  const text = await page.locator(`[data-kpi="${name}"]`).first().textContent();
  return Number(text?.replace(/[^0-9]/g, "") ?? Number.NaN);
}

/** Every one of the eight `data-kpi` numbers equals the snapshot's. */
export async function expectKpisEqual(page: Page, counts: Record<string, number>): Promise<void> {
  for (const k of COUNT_KEYS) await expect.poll(() => kpi(page, k), { timeout: 30_000, message: k }).toBe(counts[k]);
}

/** Whether the document scrolls in either direction. */
export const scrolls = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement;
    return d.scrollHeight > window.innerHeight || d.scrollWidth > window.innerWidth;
  });
