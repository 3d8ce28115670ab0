// Why: people as people in Chromium: /people finds a duplicate by name or phone and merges it after a confirmation; the desk names the compound.
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";

const ADMIN = "merge-admin-token-0123456789";
const ready = browserAvailable();

function compound() {
  return [
    ...smallCompound(),
    // The same person imported twice, and someone whose name sorts between them as text would not.
    { type: "volunteer.registered", payload: { volunteerId: "v-6ae28fcc2d74", name: "Li Na 李娜", phone: "13700137000" } },
    { type: "volunteer.registered", payload: { volunteerId: "v4", name: "Chen Jie 陈杰", phone: "13900139001" } },
  ];
}

describe.skipIf(!ready)("FIX: people as people", () => {
  const app = withBrowserApp(ADMIN, compound);

  it("FIX9 /people lists volunteers by name with their phone in a stable order, finds duplicates, merges one after a confirmation", async () => {
    const context = await app.browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/people?token=${ADMIN}`);
    await page.locator('[data-volunteer="v1"]').waitFor({ timeout: 15_000 });
    const rows = () => page.locator("[data-volunteer]").evaluateAll((r) => r.map((x) => x.getAttribute("data-volunteer")));
    // By name (Chen, Li, Li, Wang): the duplicate sits beside its twin.
    expect(await rows()).toEqual(["v4", "v-6ae28fcc2d74", "v1", "v2"]);
    expect(await page.locator('[data-volunteer="v1"] [data-phone]').textContent()).toBe("13700137000");
    expect(await page.locator("[data-volunteers]").textContent()).not.toContain("v-6ae28fcc2d74");
    await page.locator("[data-volunteer-search]").fill("137 0013 7000");
    await expect.poll(rows).toEqual(["v-6ae28fcc2d74", "v1"]);

    await page.locator('[data-merge="v-6ae28fcc2d74"]').click();
    const dialog = page.locator('[data-confirm="volunteer-merge"]');
    await dialog.waitFor();
    await dialog.locator("[data-merge-into]").selectOption("v1");
    expect(await dialog.textContent()).toContain("并入");
    await dialog.getByRole("button", { name: "合并", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 10_000 });
    await expect.poll(rows, { timeout: 10_000 }).toEqual(["v1"]);
    expect((await app.server.api("/api/snapshot")).body.counts.volunteersTotal).toBe(3);
    await context.close();
  });

  it("FIX10 the desk offers to name the compound; the wall, the desk and a phone say the name, never 'default' or a volunteer's id", async () => {
    const desk = await app.browser.newPage({ locale: "zh-CN" });
    await desk.goto(`${app.server.url}/?token=${ADMIN}`);
    await desk.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(await desk.locator("[data-compound-name]").first().textContent()).toBe("本小区");
    const form = desk.locator("[data-name-form]");
    await form.locator('input[name="name"]').fill("幸福里小区");
    await form.locator('button[type="submit"]').click();
    await desk.locator('[data-compound-name="幸福里小区"]').waitFor({ timeout: 10_000 });
    expect(await desk.locator("[data-name-form]").count()).toBe(0);

    const display = await app.server.mint("display", "wall");
    const wall = await app.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: "zh-CN" });
    await wall.goto(`${app.server.url}/wall?token=${display}`);
    await wall.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => wall.locator("[data-compound-name]").textContent(), { timeout: 10_000 }).toBe("幸福里小区");
    expect(await wall.locator("main").textContent()).not.toContain("default");

    const r = await app.server.api("/api/tokens", { role: "volunteer", label: "Li Na", volunteerId: "v1" });
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
    const page = await phone.newPage();
    await page.goto(`${app.server.url}/console?token=${r.body.token}`);
    await page.locator('[data-whoami="v1"]').waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-whoami]").textContent()).toContain("Li Na 李娜");
    expect(await page.locator("[data-whoami]").textContent()).not.toContain("v1");
    await Promise.all([desk.close(), wall.close(), phone.close()]);
  });
});
