// Why: phones as narrow as 360 px: no screen may scroll sideways, with its data shown.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "../support/browser";
import { withBrowserApp } from "../support/browser-app";
import { smallCompound } from "../support/fixtures";
import { screenshot } from "../support/wall-page";

const ADMIN = "narrow-admin-token-0123456789";
const ready = browserAvailable();

function compound() {
  const e = (type: string, payload: object) => ({ type, payload });
  return [
    ...smallCompound(),
    e("request.opened", { requestId: "q1", householdId: "h2", kind: "medical", urgent: true, person: "Wu Xiaoming", note: "labour" }),
    e("request.opened", { requestId: "q2", householdId: "h1", kind: "leave", person: "nurse Wu" }),
    e("request.document_added", { requestId: "q2", document: "commitment_letter" }),
    e("request.document_added", { requestId: "q2", document: "test_report", testedAt: new Date(Date.now() - 20 * 3600_000).toISOString() }),
    e("request.opened", { requestId: "q3", householdId: "h3", kind: "supplies" }),
    e("request.approved", { requestId: "q3" }),
    e("building.sealed", { buildingId: "b2", reason: "contact of a positive case" }),
    e("volunteer.checked_in", { volunteerId: "v1", post: "gate" }),
    e("household.tested", { householdId: "h1", roundId: "r1" }),
  ];
}

type Role = "secretary" | "volunteer" | "display" | "resident" | "street";
const SCREENS: { path: string; role: Role; shows: string }[] = [
  { path: "/", role: "secretary", shows: '[data-request="q2"] [data-doc="test_report"]' },
  { path: "/console", role: "volunteer", shows: '[data-doors="console"]' },
  { path: "/home", role: "resident", shows: "[data-household]" },
  { path: "/gate", role: "volunteer", shows: "main" },
  { path: "/releases", role: "secretary", shows: "main" },
  { path: "/people", role: "secretary", shows: '[data-volunteer="v1"]' },
  { path: "/report", role: "secretary", shows: "[data-report-sheet]" },
  { path: "/history?entity=household&id=h1", role: "secretary", shows: '[data-history]:not([data-history="0"])' },
  { path: "/import", role: "secretary", shows: 'input[name="file"]' },
  { path: "/wall", role: "display", shows: '[data-connection="live"]' },
  { path: "/street", role: "street", shows: '[data-compound="default"]' },
];

/** The widest element that sticks out to the right, for the failure message. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const w = window.innerWidth;
    const out = [...document.querySelectorAll("body *")]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > w + 0.5)
      .sort((a, b) => b.right - a.right)[0];
    return {
      scrolls: document.documentElement.scrollWidth > w,
      widest: out ? `${out.el.tagName.toLowerCase()}.${(out.el as HTMLElement).className} → ${Math.round(out.right)} px` : "",
    };
  });

describe.skipIf(!ready)("HOME5: no screen scrolls sideways at 360 px", () => {
  const app = withBrowserApp(ADMIN, compound);

  for (const lang of ["zh-CN", "en"] as const)
    for (const s of SCREENS)
      it(`HOME5 ${s.path} in ${lang} at 360 px does not scroll sideways`, async () => {
        const label = `narrow ${s.path} ${lang}`;
        const token =
          s.role === "resident"
            ? (await app.server.api("/api/tokens", { role: "resident", householdId: "h1", label })).body.token
            : s.role === "street"
              ? (await app.server.api("/api/tokens", { role: "street", label, communities: ["default"] })).body.token
              : await app.server.mint(s.role, label);
        const context = await app.browser.newContext({
          viewport: { width: 360, height: 740 },
          isMobile: true,
          hasTouch: true,
          locale: lang,
          serviceWorkers: "block",
        });
        const page = await context.newPage();
        const join = s.path.includes("?") ? "&" : "?";
        await page.goto(`${app.server.url}${s.path}${join}lang=${lang}&token=${token}`);
        await page.locator(s.shows).first().waitFor({ timeout: 20_000 });
        const found = await overflow(page);
        if (found.scrolls) await screenshot(page, `narrow-${s.path.replace(/\W+/g, "-")}-${lang}`);
        expect(found.scrolls, `${s.path} scrolls sideways: ${found.widest}`).toBe(false);
        await context.close();
      });
});
