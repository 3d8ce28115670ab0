// Why: GET /api/reports/daily against a real database on both engines: a known day (with a shift and a decision across midnight in Shanghai) gives exact figures, as JSON and as CSV.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayBounds } from "../../server/domain/zoned-day";
import { readEnv } from "../../server/env";
import { dayEventsQuery, readDailyReport, stateAtStartQuery } from "../../server/queries/daily-report";
import { ENGINE, engineReady, freshDatabase } from "../support/db";
import { fillLongFeed, planOf } from "../support/long-feed";
import { DAY, EXPECTED, reportDay } from "../support/report-day";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
const C = "daily";

/** The figures read back from the CSV's rows, in the JSON's shape. */
function fromCsv(rows: string[][]) {
  const pick = (section: string) => rows.filter((r) => r[0] === section);
  const value = (section: string, key: string) => pick(section).find((r) => r[1] === key)?.[3] ?? "";
  const num = (v: string | undefined) => (v === "" || v === undefined ? null : Number(v));
  return {
    date: value("report", "date"),
    timeZone: value("report", "timeZone"),
    householdsTested: num(value("summary", "householdsTested")),
    positives: num(value("summary", "positives")),
    buildingsSealed: num(value("summary", "buildingsSealed")),
    buildingsUnsealed: num(value("summary", "buildingsUnsealed")),
    volunteerHours: Object.fromEntries(pick("volunteerHours").map((r) => [r[1], Number(r[3])])),
    requests: {
      opened: Object.fromEntries(pick("requestsOpened").map((r) => [r[1], Number(r[3])])),
      decided: Object.fromEntries(pick("requestsDecided").map((r) => [r[1], Number(r[3])])),
      medianMinutesToDecision: num(value("summary", "medianMinutesToDecision")),
    },
    releases: pick("release").map((r) => ({ requestId: r[1], kind: r[2], basis: r[3], reason: r[4] || null })),
    rounds: pick("round").map((r) => ({ roundId: r[1], kind: r[2], tested: Number(r[3]) })),
    buildings: pick("building").map((r) => ({ buildingId: r[1], label: r[2], tested: Number(r[3]), positives: Number(r[4]) })),
    trips: Object.fromEntries(pick("trips").map((r) => [r[1], Number(r[3])])),
    testedByHour: pick("testedByHour").map((r) => Number(r[3])),
  };
}

describe.skipIf(!ready)(`REPORT: the daily report on ${ENGINE}`, () => {
  let s: TestServer;
  const report = async (query: string, token?: string) => s.api(`/api/reports/daily?community=${C}&${query}`, { token });

  beforeAll(async () => {
    s = await startTestServer();
    const r = await s.post({ events: reportDay(C) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The same day in another community must not count.
    const other = reportDay("elsewhere").slice(0, 25);
    expect((await s.post({ events: other })).status).toBe(201);
  });
  afterAll(() => s?.close());

  it("REPORT1 a known day in Shanghai gives exact figures: tests once per household and round, seals that sealed, a shift and an approval across midnight", async () => {
    const r = await report(`date=${DAY}`);
    expect(r.status, await r.clone().text()).toBe(200);
    expect(await r.json()).toEqual(EXPECTED);
  });

  it("REPORT1b the days either side: the shift's first two hours and the late request count on the 4th; the late shift, decision and result on the 6th", async () => {
    const before = await (await report("date=2026-04-04")).json();
    expect(before).toMatchObject({
      householdsTested: 1,
      buildingsSealed: 1,
      volunteerHours: { delivery: 3, gate: 2 },
      requests: { opened: { leave: 1 }, decided: { approved: 0, rejected: 0 }, medianMinutesToDecision: null },
    });
    const after = await (await report("date=2026-04-06")).json();
    expect(after).toMatchObject({
      householdsTested: 0,
      positives: 1,
      volunteerHours: { testing: 1 },
      requests: { decided: { approved: 1, rejected: 0 }, medianMinutesToDecision: 20 },
      // q4 is a delivery (supplies): decided, but no release (contract v1.2).
      releases: [],
    });
  });

  it("REPORT1c another time zone moves the day's edges: in Berlin, Shanghai's first minutes of the 5th fall on the 4th", async () => {
    const berlin = await readDailyReport(s.app.handle.db, C, "2026-04-04", "Europe/Berlin");
    expect(berlin).toMatchObject({ from: "2026-04-03T22:00:00.000Z", householdsTested: 2, timeZone: "Europe/Berlin" });
    expect(() => readEnv({ REPORT_TIME_ZONE: "Mars/Olympus_Mons" })).toThrow(/REPORT_TIME_ZONE/);
    expect(readEnv({}).REPORT_TIME_ZONE).toBe("Asia/Shanghai");
  });

  it("REPORT7 &format=csv: UTF-8 with a BOM, Chinese intact, and it parses back to the same figures as the JSON", async () => {
    const r = await report(`date=${DAY}&format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers.get("content-disposition")).toContain(`daily-report-${C}-${DAY}.csv`);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(["section 类别", "key 项目", "name 名称", "value 数值", "extra 备注"]);
    // The data CSV holds the day's figures; the name, coverage, seals and round labels are the people's table's.
    const { from, to, complete, name, coverage, sealed, ...figures } = EXPECTED;
    expect(fromCsv(rows.slice(1))).toEqual({ ...figures, rounds: figures.rounds.map(({ label, ...r }) => r) });
    expect(bytes.toString("utf8")).toContain("奔丧 funeral");
  });

  it("REPORT8 today so far: releases on documents and urgent medical, a shift still open counts until now, the day is not complete", async () => {
    const today = (await (await report("")).json()) as typeof EXPECTED;
    const start = Date.parse(today.from);
    const since = Math.max(start, Date.now() - 30 * 60_000);
    const at = (ms: number) => new Date(ms).toISOString();
    const reportAt = new Date(Date.now() - 60_000).toISOString();
    const events = [
      { type: "volunteer.checked_in", community: C, occurredAt: at(since), payload: { volunteerId: "v3", post: "gate" } },
      { type: "request.opened", community: C, payload: { requestId: "q5", householdId: "h2", kind: "leave" } },
      { type: "request.document_added", community: C, payload: { requestId: "q5", document: "commitment_letter" } },
      { type: "request.document_added", community: C, payload: { requestId: "q5", document: "test_report", testedAt: reportAt } },
      { type: "request.approved", community: C, payload: { requestId: "q5" } },
      { type: "request.opened", community: C, payload: { requestId: "q6", householdId: "h3", kind: "medical", urgent: true } },
      { type: "request.approved", community: C, payload: { requestId: "q6" } },
    ];
    expect((await s.post({ events })).status).toBe(201);
    const t0 = Date.now();
    const r = (await (await report(`date=${today.date}`)).json()) as typeof EXPECTED;
    const t1 = Date.now();
    expect(r.complete).toBe(false);
    expect(r.releases).toEqual([
      { requestId: "q5", kind: "leave", basis: "documents", reason: null },
      { requestId: "q6", kind: "medical", basis: "urgent_medical", reason: null },
    ]);
    const hours = (r.volunteerHours as Record<string, number>).gate ?? 0;
    expect(hours).toBeGreaterThanOrEqual(Math.floor(((t0 - since) / 3_600_000) * 100) / 100 - 0.01);
    expect(hours).toBeLessThanOrEqual((t1 - since) / 3_600_000 + 0.01);
  });

  it("REPORT9 the secretary's only; a malformed, impossible or future date, or another format, is a 400 naming the field", async () => {
    expect((await report(`date=${DAY}`, null as unknown as string)).status).toBe(401);
    expect((await report(`date=${DAY}`, await s.mint("volunteer"))).status).toBe(403);
    expect((await report(`date=${DAY}`, await s.mint("display"))).status).toBe(403);
    for (const [query, field] of [
      ["date=2026-02-30", "date"],
      ["date=5.4.2026", "date"],
      ["date=2999-01-01", "date"],
      ["date=1999-12-31", "date"],
      [`date=${DAY}&format=xml`, "format"],
      [`date=${DAY}&extra=1`, ""],
    ] as const) {
      const r = await report(query);
      expect(r.status, query).toBe(400);
      const body = (await r.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code, query).toBe("validation");
      expect(
        body.error.issues.map((i) => i.path),
        query,
      ).toContain(field);
    }
  });
});

describe.skipIf(!ready)(`REPORT: the daily report's plan on ${ENGINE}`, () => {
  it("REPORT10 over 50,000 events a day's events come through events_type_occurred and the state at its start through the history indexes", async () => {
    const h = await freshDatabase();
    try {
      await fillLongFeed(h, 50_000);
      const { start, end } = dayBounds("2026-03-20", "Asia/Shanghai");
      const day = await planOf(h, dayEventsQuery(h.db, "default", start, end).toSQL());
      expect(day, day).toMatch(/Index Scan on events_type_occurred|Index Scan using events_type_occurred/);
      expect(day, day).not.toMatch(/Seq Scan on events/);
      const duty = ["volunteer.checked_in", "volunteer.checked_out"];
      const shifts = await planOf(h, stateAtStartQuery(h.db, "default", start, "volunteer", duty, duty[0] as string).toSQL());
      expect(shifts, shifts).toMatch(/Index Scan Backward using events_volunteer_history/);
      const seals = ["building.sealed", "building.unsealed"];
      const sealed = await planOf(h, stateAtStartQuery(h.db, "default", start, "building", seals, seals[0] as string).toSQL());
      expect(sealed, sealed).toMatch(/Index Scan Backward using events_building_history/);
      expect(`${shifts}\n${sealed}`).not.toMatch(/Seq Scan on events/);
      const r = await readDailyReport(h.db, "default", "2026-03-20", "Asia/Shanghai");
      // 1,440 minutes, one event each, a sixth of them tests of distinct households (a round holds 10,000 events).
      expect(r.householdsTested).toBe(240);
      expect(r.volunteerHours.gate).toBeGreaterThan(0);
    } finally {
      await h.dispose();
    }
  });
});
