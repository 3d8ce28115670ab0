// Why: CLOCK1–CLOCK3, QUEUE5: phones' clocks never block a decision nor bend the figures, and deliveries need no release (issue 15.5, contract v1.2 section 3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../server/domain/zoned-day";
import { verifyProjections } from "../../server/ops/verify";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe.skipIf(!ready)(`CLOCK: the server's clock orders decisions on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  /** A fresh community with the small compound, so each test's report and queue are its own. */
  const compound = async (community: string) => {
    expect((await s.post({ events: smallCompound(community) })).status).toBe(201);
    return (type: string, payload: object, occurredAt?: string) =>
      s.post({ type, community, payload, ...(occurredAt ? { occurredAt } : {}) });
  };
  const queue = async (community: string) =>
    ((await (await s.api(`/api/requests?community=${community}`)).json()) as { requests: any[] }).requests;
  const recordedAt = async (id: string) => {
    const feed = (await (await s.api("/api/events?after=0&limit=1000")).json()) as { events: { id: string; recordedAt: string }[] };
    return Date.parse(feed.events.find((e) => e.id === id)?.recordedAt ?? "");
  };

  it("CLOCK1 an urgent medical request opened by a phone 4 minutes fast is approved at once, as dated by the desk or by the server", async () => {
    const post = await compound("clk1");
    expect(
      (await post("request.opened", { requestId: "ambulance", householdId: "h1", kind: "medical", urgent: true }, minutesFromNow(4)))
        .status,
    ).toBe(201);
    const approved = await post("request.approved", { requestId: "ambulance" });
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    const [decided] = await queue("clk1");
    expect(decided).toMatchObject({ requestId: "ambulance", status: "approved", decision: { basis: "urgent_medical" } });
    // Never dated before its request: the decision's time is the request's (fast) date, not 4 minutes before it.
    expect(Date.parse(decided.decision.decidedAt)).toBeGreaterThanOrEqual(Date.parse(decided.openedAt));

    // The same with an approval dated by the desk's clock, and a leave request released on an override.
    expect((await post("request.opened", { requestId: "funeral", householdId: "h2", kind: "leave" }, minutesFromNow(4))).status).toBe(201);
    const override = await post("request.approved", { requestId: "funeral", override: { reason: "funeral" } }, minutesFromNow(0));
    expect(override.status, JSON.stringify(override.body)).toBe(201);
  });

  it("CLOCK2 rejections and cancellations: never refused for a fast phone; dated hours before the request, refused; the median wait is never negative", async () => {
    const post = await compound("clk2");
    expect((await post("request.opened", { requestId: "q-old", householdId: "h1", kind: "leave" })).status).toBe(201);
    for (const [type, extra] of [
      ["request.rejected", { reason: "not now" }],
      ["request.cancelled", {}],
    ] as const) {
      const early = await post(type, { requestId: "q-old", ...extra }, minutesFromNow(-180));
      expect(early.status, type).toBe(409);
      expect(early.body.error.reason).toBe("decision_dated_before_opened");
    }
    expect((await queue("clk2")).map((r) => r.status)).toEqual(["pending"]);

    expect((await post("request.opened", { requestId: "q-fast", householdId: "h2", kind: "medical" }, minutesFromNow(4))).status).toBe(201);
    expect((await post("request.opened", { requestId: "q-gone", householdId: "h3", kind: "supplies" }, minutesFromNow(4))).status).toBe(
      201,
    );
    const rejected = await post("request.rejected", { requestId: "q-fast", reason: "see a doctor online" });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(201);
    const cancelled = await post("request.cancelled", { requestId: "q-gone" });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(201);
    expect((await post("request.rejected", { requestId: "q-old", reason: "no" })).status).toBe(201);

    const date = localDate(Date.now(), "Asia/Shanghai");
    const report = (await (await s.api(`/api/reports/daily?community=clk2&date=${date}`)).json()) as any;
    expect(report.requests.decided.rejected).toBe(2);
    expect(report.requests.medianMinutesToDecision).toBeGreaterThanOrEqual(0);
  });

  it("CLOCK3 a test report more than 5 minutes ahead is refused; one a few minutes ahead counts from when it was recorded", async () => {
    const post = await compound("clk3");
    expect((await post("request.opened", { requestId: "trip", householdId: "h1", kind: "leave" })).status).toBe(201);
    const ahead = await post("request.document_added", { requestId: "trip", document: "test_report", testedAt: minutesFromNow(10) });
    expect(ahead.status).toBe(409);
    expect(ahead.body.error).toMatchObject({ reason: "test_report_in_future", params: { slackMinutes: 5 } });
    expect(ahead.body.error.message).toMatch(/testedAt is more than 5 minutes later than now/);

    const testedAt = minutesFromNow(4);
    const ok = await post("request.document_added", { requestId: "trip", document: "test_report", testedAt });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const [trip] = await queue("clk3");
    const counted = Date.parse(trip.documents.testReportAt);
    expect(counted).toBeLessThan(Date.parse(testedAt));
    expect(counted).toBe(await recordedAt(ok.body.accepted[0].id));
  });

  it("QUEUE5 a delivery (medicine, supplies, other) needs nothing: its verdict says so, it is approved without override, and it is no release in the report", async () => {
    const post = await compound("deliv");
    for (const [i, kind] of (["medicine", "supplies", "other"] as const).entries())
      expect((await post("request.opened", { requestId: `d-${kind}`, householdId: `h${i + 1}`, kind })).status).toBe(201);
    const pending = await queue("deliv");
    for (const r of pending) expect(r.release).toEqual({ ok: true, basis: "delivery" });
    for (const r of pending) expect((await post("request.approved", { requestId: r.requestId })).status).toBe(201);
    for (const r of await queue("deliv")) expect(r.decision).toMatchObject({ basis: "delivery", overrideReason: null });
    const report = (await (await s.api(`/api/reports/daily?community=deliv&date=${localDate(Date.now(), "Asia/Shanghai")}`)).json()) as any;
    expect(report.requests.decided.approved).toBe(3);
    expect(report.releases).toEqual([]);
  });

  it("CLOCK1–CLOCK3 the projections equal verify's recount of the feed", async () => {
    const report = await verifyProjections(s.app.handle.db);
    expect(report.differences).toEqual([]);
  });
});
