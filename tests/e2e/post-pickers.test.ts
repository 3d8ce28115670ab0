// Why: the desk and the phone pick registered posts by name, and what they pick is the one post the wall counts.
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { openTask } from "../support/console-task";
import { smallCompound } from "../support/fixtures";

const ADMIN = "pickers-admin-token-0123456789";
const ready = browserAvailable();
const seed = () => [
  ...smallCompound(),
  { type: "post.registered", payload: { post: "gate", nameZh: "门岗", nameEn: "Gate" } },
  { type: "post.registered", payload: { post: "testing", nameZh: "核酸采样", nameEn: "Testing" } },
];
type WallPost = { post: string; onDuty: number; minimum: number | null; nameZh?: string };

describe.skipIf(!ready)("POST: the pickers of registered posts", () => {
  const app = withBrowserApp(ADMIN, seed);
  const posts = async () => (await app.server.api("/api/wall")).body.posts as WallPost[];

  it("POST6 the desk sets 门岗's minimum from a picker, adds a post, and a phone checks in at Gate: one post on the wall", async () => {
    const desk = await app.browser.newPage();
    await desk.goto(`${app.server.url}/?token=${ADMIN}`);
    await desk.goto(`${app.server.url}/?lang=zh-CN`);
    await desk.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    const picker = desk.locator("select[data-post-picker]");
    await expect.poll(() => picker.locator("option").allTextContents(), { timeout: 30_000 }).toEqual(["选择岗位", "门岗", "核酸采样"]);
    await picker.selectOption({ label: "门岗" });
    await desk.locator('input[name="minimum"]').fill("2");
    await desk.locator("form").filter({ has: picker }).locator('button[type="submit"]').click();
    await desk.locator('[data-minimum-status="ok"]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await posts()).find((p) => p.post === "gate")?.minimum).toBe(2);

    await desk.locator("details summary").filter({ hasText: "新增岗位" }).click();
    const register = desk.locator("form[data-post-register]");
    await register.locator('input[name="postId"]').fill("lobby");
    await register.locator('input[name="nameZh"]').fill("大堂");
    await register.locator('input[name="nameEn"]').fill("Lobby");
    await register.locator('button[type="submit"]').click();
    await desk.locator('[data-register-status="ok"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => picker.locator("option").allTextContents(), { timeout: 30_000 }).toContain("大堂");
    await register.locator('input[name="postId"]').fill("hall");
    await register.locator('input[name="nameZh"]').fill("门岗");
    await register.locator('input[name="nameEn"]').fill("Hall");
    await register.locator('button[type="submit"]').click();
    await expect
      .poll(() => desk.locator('[data-register-status="error"]').textContent(), { timeout: 30_000 })
      .toMatch(
        // The refusal is shown in the desk's language (the browser's, here possibly Chinese).
        /already goes by|已使用这个名称/,
      );
    await desk.close();

    const token = await app.server.mint("volunteer", "phone");
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${app.server.url}/console?token=${token}`);
    await page.goto(`${app.server.url}/console?lang=en`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await openTask(page, "duty");
    const checkIn = page.locator('form[data-form="check-in"]');
    await checkIn.locator("select[data-post-picker]").waitFor({ timeout: 30_000 });
    await checkIn.locator('input[name="volunteerId"]').fill("v1");
    await checkIn.locator("select[data-post-picker]").selectOption({ label: "Gate" });
    await checkIn.getByRole("button").click();
    await checkIn.locator('[data-status="ok"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await posts()).filter((p) => p.onDuty > 0))
      .toEqual([{ post: "gate", nameZh: "门岗", nameEn: "Gate", onDuty: 1, minimum: 2 }]);
    await phone.close();
  });
});
