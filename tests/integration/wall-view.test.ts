import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WallView } from "../../server/protocol/wall";
import { ENGINE, engineReady } from "../support/db";
import { hoursBefore, smallCompound } from "../support/fixtures";
import { ADMIN, startTestServer, type TestServer } from "../support/server";
import { personalIn, personalRequest } from "../support/wall";

const ready = await engineReady();

describe.skipIf(!ready)(`WALL: the wall view on ${ENGINE}`, () => {
  let s: TestServer;
  let display: string;
  let volunteer: string;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
    display = await s.mint("display", "office wall");
    volunteer = await s.mint("volunteer", "gate phone");
  });
  afterAll(() => s?.close());

  const wall = async (token = display, community = "default"): Promise<WallView> => {
    const r = await s.api(`/api/wall?community=${community}`, { token });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(personalIn(text)).toEqual([]);
    return WallView.parse(JSON.parse(text));
  };
  const ok = async (body: object, token?: string) => {
    const r = await s.post(body, token);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.accepted as { seq: number }[];
  };

  it("WALL1 any role reads /api/wall; it parses as the strict wall view and its counts are the snapshot's", async () => {
    for (const token of [display, volunteer, undefined]) {
      const v = await wall(token);
      const snap = await s.snapshot();
      expect(v.counts).toEqual(snap.counts);
      expect(v.seq).toBe(snap.seq);
      expect(v.round).toMatchObject({ roundId: "r1", kind: "pcr", open: true });
    }
    expect((await s.api("/api/wall", { token: null })).status).toBe(401);
    expect((await s.api("/api/wall?community=bad%20id")).status).toBe(400);
  });

  it("WALL2 building grid, posts, anonymised queue and series follow the events", async () => {
    await ok({
      events: [
        { type: "household.tested", payload: { roundId: "r1", householdId: "h1" } },
        { type: "test.result", payload: { roundId: "r1", householdId: "h1", result: "negative" } },
        { type: "building.sealed", payload: { buildingId: "b2", reason: "case nearby" } },
        { type: "volunteer.checked_in", payload: { volunteerId: "v1", post: "gate" } },
        personalRequest("q1", "h3"),
      ],
    });
    const v = await wall();
    expect(v.buildings).toEqual([
      { buildingId: "b1", label: "Building 1", sealed: false, households: 2, tested: 1, positives: 0 },
      { buildingId: "b2", label: "Building 2", sealed: true, households: 1, tested: 0, positives: 0 },
    ]);
    expect(v.posts).toEqual([{ post: "gate", onDuty: 1, minimum: null }]);
    expect(v.queue.total).toBe(1);
    expect(v.queue.items).toEqual([{ buildingId: "b2", kind: "medicine", urgent: false, openedAt: expect.any(String) }]);
    expect(v.queue.oldestOpenedAt).toBe(v.queue.items[0]?.openedAt);
    const last = v.series.points.at(-1);
    expect(v.series.bucketMinutes).toBe(15);
    expect(v.series.points).toHaveLength(96);
    expect(last).toMatchObject({ tests: 1, onDuty: 1, pending: 1 });
  });

  it("WALL3 an urgent request raises an alarm until it is decided; a positive result until the secretary acknowledges it", async () => {
    await ok(personalRequest("q2", "h2", true));
    let v = await wall();
    expect(v.alerts.items[0]).toMatchObject({ kind: "urgent_request", buildingId: "b1", requestKind: "medicine" });
    expect(v.queue.items[0]).toMatchObject({ buildingId: "b1", urgent: true });
    await ok({ type: "request.rejected", payload: { requestId: "q2", reason: "sent to clinic" } });
    v = await wall();
    expect(v.alerts.total).toBe(0);

    const [pos] = await ok({ events: [{ type: "test.result", payload: { roundId: "r1", householdId: "h1", result: "positive" } }] });
    v = await wall();
    expect(v.alerts.items).toEqual([
      { alertId: pos?.seq, kind: "positive_result", buildingId: "b1", requestKind: null, raisedAt: expect.any(String) },
    ]);
    expect(v.buildings.find((b) => b.buildingId === "b1")?.positives).toBe(1);
    await ok({ type: "alert.acknowledged", payload: { alertId: pos?.seq } });
    expect((await wall()).alerts.total).toBe(0);

    await ok(personalRequest("q3", "h2", true));
    expect((await wall()).alerts.total).toBe(1);
    await ok({ type: "alert.acknowledged", payload: { requestId: "q3" } });
    expect((await wall()).alerts.total).toBe(0);
    expect((await wall()).queue.items.some((q) => q.urgent)).toBe(true);
  });

  it("WALL3b approved and not yet fulfilled is pending, but no longer waits for a decision: the queue says so apart", async () => {
    await ok(personalRequest("q4", "h1", true));
    let v = await wall();
    const before = v.counts.pendingRequests;
    expect(v.queue).toMatchObject({ total: v.queue.items.length, urgentWaiting: 2, approved: 0 });
    await ok({ type: "request.approved", payload: { requestId: "q4", override: { reason: "ambulance" } } });
    v = await wall();
    // The contract's counts keep it pending until fulfilled; the queue and its urgency do not.
    expect(v.counts.pendingRequests).toBe(before);
    expect(v.queue).toMatchObject({ urgentWaiting: 1, approved: 1 });
    expect(v.queue.total).toBe(before - 1);
    await ok({ type: "request.fulfilled", payload: { requestId: "q4" } });
    expect((await wall()).queue).toMatchObject({ urgentWaiting: 1, approved: 0 });
  });

  it("WALL4 acknowledging: 403 for a volunteer, 409 for an unknown or acknowledged alert, 400 for a bad payload", async () => {
    const before = await s.snapshot();
    expect((await s.post({ type: "alert.acknowledged", payload: { requestId: "q3" } }, volunteer)).status).toBe(403);
    expect((await s.post({ type: "alert.acknowledged", payload: { requestId: "q3" } }, display)).status).toBe(403);
    const again = await s.post({ type: "alert.acknowledged", payload: { requestId: "q3" } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already acknowledged/);
    expect((await s.post({ type: "alert.acknowledged", payload: { alertId: 99999 } })).status).toBe(409);
    expect((await s.post({ type: "alert.acknowledged", payload: { requestId: "q404" } })).status).toBe(409);
    expect((await s.post({ type: "alert.acknowledged", payload: { requestId: "q2" } })).body.error.message).toMatch(/resolved/);
    for (const payload of [{ alertId: "x" }, { alertId: 0 }, {}, { alertId: 1, requestId: "q3" }])
      expect((await s.post({ type: "alert.acknowledged", payload })).status).toBe(400);
    expect(await s.snapshot()).toEqual(before);
  });

  it("WALL5 post.minimum_set: the secretary sets a post's threshold; the wall shows posts short of it; 403/400 otherwise", async () => {
    await ok({ type: "post.minimum_set", payload: { post: "gate", minimum: 3 } });
    await ok({ type: "post.minimum_set", payload: { post: "testing", minimum: 2 } });
    await ok({ type: "post.minimum_set", payload: { post: "testing", minimum: 1 } });
    expect((await wall()).posts).toEqual([
      { post: "gate", onDuty: 1, minimum: 3 },
      { post: "testing", onDuty: 0, minimum: 1 },
    ]);
    expect((await s.post({ type: "post.minimum_set", payload: { post: "gate", minimum: 1 } }, volunteer)).status).toBe(403);
    for (const payload of [{ post: "gate", minimum: -1 }, { post: "Gate!", minimum: 1 }, { post: "gate" }, { post: "gate", minimum: 1.5 }])
      expect((await s.post({ type: "post.minimum_set", payload })).status).toBe(400);
  });

  it("WALL6 rate and ETA come from the last hour of the open round; levels in the series are worked back by bucket", async () => {
    const c = "paced";
    const e = (type: string, payload: object, occurredAt?: string) => ({
      type,
      community: c,
      payload,
      ...(occurredAt ? { occurredAt } : {}),
    });
    const hh = Array.from({ length: 10 }, (_, i) =>
      e("household.registered", { householdId: `p${i}`, buildingId: "pb", unit: `${i}`, residents: 1 }),
    );
    await ok({
      events: [
        e("building.registered", { buildingId: "pb", label: "P" }),
        ...hh,
        e("volunteer.registered", { volunteerId: "pv", name: "x", skills: [] }),
        e("round.opened", { roundId: "pr", kind: "antigen" }, hoursBefore(3)),
        e("volunteer.checked_in", { volunteerId: "pv", post: "testing" }, hoursBefore(2)),
        e("household.tested", { roundId: "pr", householdId: "p0" }, hoursBefore(2)),
        e("household.tested", { roundId: "pr", householdId: "p1" }, hoursBefore(0.5)),
        e("household.tested", { roundId: "pr", householdId: "p2" }, hoursBefore(0.4)),
        e("volunteer.checked_out", { volunteerId: "pv" }, hoursBefore(0.3)),
      ],
    });
    // The operator reads any compound; the default display is refused this one (v1.2).
    const v = await wall(ADMIN, c);
    expect(v.progress.perHour).toBe(2);
    const eta = Date.parse(v.progress.etaAt ?? "") - Date.parse(v.generatedAt);
    expect(eta).toBeGreaterThan(3.4 * 3_600_000);
    expect(eta).toBeLessThan(3.6 * 3_600_000);
    const pts = v.series.points;
    expect(pts.reduce((n, p) => n + p.tests, 0)).toBe(3);
    const at = (h: number) => pts.find((p) => p.t <= Date.now() - h * 3_600_000 && Date.now() - h * 3_600_000 < p.t + 15 * 60_000);
    expect(at(2.5)?.onDuty).toBe(0);
    expect(at(1)?.onDuty).toBe(1);
    expect(pts.at(-1)?.onDuty).toBe(0);
  });

  it("WALL6b a batch's events in one 15-minute bucket add up, and a later batch adds to the same bucket", async () => {
    const c = "bucketed";
    const bucket = Math.floor((Date.now() - 3_600_000) / 900_000) * 900_000;
    const at = (min: number) => new Date(bucket + min * 60_000).toISOString();
    const e = (type: string, payload: object, occurredAt?: string) => ({
      type,
      community: c,
      payload,
      ...(occurredAt ? { occurredAt } : {}),
    });
    await ok({
      events: [
        e("building.registered", { buildingId: "qb", label: "Q" }),
        ...Array.from({ length: 5 }, (_, i) =>
          e("household.registered", { householdId: `q${i}`, buildingId: "qb", unit: `${i}`, residents: 1 }),
        ),
        e("round.opened", { roundId: "qr", kind: "pcr" }, at(-30)),
        e("household.tested", { roundId: "qr", householdId: "q0" }, at(1)),
        e("household.tested", { roundId: "qr", householdId: "q1" }, at(2)),
        e("household.tested", { roundId: "qr", householdId: "q1" }, at(3)),
        e("household.tested", { roundId: "qr", householdId: "q2" }, at(20)),
      ],
    });
    await ok({ events: [e("household.tested", { roundId: "qr", householdId: "q3" }, at(4))] });
    const pts = (await wall(ADMIN, c)).series.points;
    expect(pts.find((p) => p.t === bucket)?.tests).toBe(3);
    expect(pts.find((p) => p.t === bucket + 900_000)?.tests).toBe(1);
    expect(pts.reduce((n, p) => n + p.tests, 0)).toBe(4);
  });

  it("WALL24 /api/wall/charts: any role gets the three charts as SVG drawn from the series, at the asked size, nothing personal", async () => {
    const q = "w=600&h=240&rem=16&lang=en&tz=Asia%2FShanghai";
    for (const token of [display, volunteer, undefined]) {
      const r = await s.api(`/api/wall/charts?${q}`, { token });
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(personalIn(text)).toEqual([]);
      const body = JSON.parse(text) as { seq: number; charts: Record<string, string> };
      expect(Object.keys(body.charts)).toEqual(["tests", "onDuty", "pending"]);
      const points = (await wall(token)).series.points;
      expect(body.seq).toBe((await s.snapshot()).seq);
      for (const svg of Object.values(body.charts)) {
        expect(svg).toMatch(/^<svg [^>]*width="600" height="240"/);
        expect(svg).toContain('font-size="1.125rem"');
        expect(svg).not.toMatch(/<script|on[a-z]+=/i);
      }
      const bars = body.charts.tests?.match(/recharts-rectangle/g)?.length ?? 0;
      expect(bars).toBe(points.filter((p) => p.tests > 0).length);
      // Labels every four hours, in the screen's time zone (Shanghai has no summer time: 00:00, 04:00, … 20:00).
      const labels = [...(body.charts.onDuty ?? "").matchAll(/<tspan[^>]*>(\d\d:\d\d)<\/tspan>/g)].map((m) => m[1]);
      expect(labels.length).toBeGreaterThanOrEqual(5);
      for (const l of labels) expect(["00:00", "04:00", "08:00", "12:00", "16:00", "20:00"]).toContain(l);
    }
    expect((await s.api(`/api/wall/charts?${q}`, { token: null })).status).toBe(401);
    for (const bad of [
      "w=0&h=240&rem=16&lang=en&tz=UTC",
      "w=600&h=240&rem=16&lang=fr&tz=UTC",
      "w=600&h=240&rem=16&lang=en&tz=Mars%2FOlympus",
    ])
      expect((await s.api(`/api/wall/charts?${bad}`)).status).toBe(400);
  });
});
