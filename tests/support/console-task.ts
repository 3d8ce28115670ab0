// Why: the console shows one task at a time: a test opens the task whose form it fills, as a volunteer taps it.
import type { Page } from "playwright-core";

export type ConsoleTask = "doors" | "duty" | "request" | "decided" | "outbox";

/** Taps the task's button and waits until its part of the console is shown. */
export async function openTask(page: Page, task: ConsoleTask): Promise<void> {
  await page.locator(`[data-task-tab="${task}"]`).click();
  await page.locator(`[data-task="${task}"]`).waitFor({ state: "visible", timeout: 15_000 });
}
