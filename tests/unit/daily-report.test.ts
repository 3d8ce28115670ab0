// Why: the daily report's arithmetic, pure: the day's bounds in a zone, shifts and decisions across midnight, repeats counted once.
import { describe, expect, it } from "vitest";
import { type DayEvent, dailyReport, type ReportInput } from "../../server/domain/daily-report";
import { CSV_HEADER, reportRows } from "../../server/domain/daily-report-rows";
import { dutyHours } from "../../server/domain/duty-hours";
import { dayBounds, isCalendarDate, localDate, localHour } from "../../server/domain/zoned-day";

const TZ = "Asia/Shanghai";
/** An instant written on Shanghai's clock. */
const sh = (local: string) => new Date(`${local}+08:00`);
const ev = (type: string, local: string, payload: object): DayEvent => ({
  type,
  occurredAt: sh(local),
  payload: payload as Record<string, unknown>,
});

function input(events: DayEvent[], extra: Partial<ReportInput> = {}): ReportInput {
  const { start, end } = dayBounds("2026-04-05", TZ);
  return {
    date: "2026-04-05",
    timeZone: TZ,
    start,
    end,
    now: sh("2026-04-07T10:00:00"),
    events,
    openShifts: [],
    sealedAtStart: [],
    testedBefore: [],
    requests: new Map(),
    households: new Map([
      ["h1", "b1"],
      ["h2", "b1"],
      ["h3", "b10"],
    ]),
    buildings: new Map([
      ["b1", "1号楼"],
      ["b10", "10号楼"],
      ["b2", "2号楼"],
    ]),
    rounds: new Map([
      ["r1", "pcr"],
      ["r2", "antigen"],
    ]),
    ...extra,
  };
}

describe("REPORT: the day on the compound's clock", () => {
  it("REPORT2 a Shanghai day is 16:00Z to 16:00Z; Berlin's spring day has 23 hours; dates are checked as dates", () => {
    expect(dayBounds("2026-04-05", TZ)).toEqual({ start: new Date("2026-04-04T16:00:00Z"), end: new Date("2026-04-05T16:00:00Z") });
    const berlin = dayBounds("2026-03-29", "Europe/Berlin");
    expect(berlin.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect((berlin.end.getTime() - berlin.start.getTime()) / 3_600_000).toBe(23);
    expect(localDate(Date.parse("2026-04-04T16:00:00Z"), TZ)).toBe("2026-04-05");
    expect(localDate(Date.parse("2026-04-04T15:59:59Z"), TZ)).toBe("2026-04-04");
    expect(localHour(Date.parse("2026-04-04T16:30:00Z"), TZ)).toBe(0);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-4-5")).toBe(false);
  });
});

describe("REPORT: volunteer hours", () => {
  const { start, end } = dayBounds("2026-04-05", TZ);
  it("REPORT3 a shift from 22:00 the day before to 02:00 counts 2 h; one open at the end counts to midnight, or to now on the day itself", () => {
    const open = [{ volunteerId: "v1", post: "gate", since: sh("2026-04-04T22:00:00") }];
    const events = [
      { type: "volunteer.checked_out" as const, occurredAt: sh("2026-04-05T02:00:00"), volunteerId: "v1" },
      { type: "volunteer.checked_in" as const, occurredAt: sh("2026-04-05T20:30:00"), volunteerId: "v2", post: "testing" },
    ];
    expect(dutyHours(open, events, start, end, sh("2026-04-06T09:00:00"))).toEqual({ gate: 2, testing: 3.5 });
    expect(dutyHours(open, events, start, end, sh("2026-04-05T21:00:00"))).toEqual({ gate: 2, testing: 0.5 });
    // Open all day long, never checked out: the whole day.
    expect(dutyHours([{ volunteerId: "v3", post: "delivery", since: sh("2026-04-01T08:00:00") }], [], start, end, end)).toEqual({
      delivery: 24,
    });
  });
});

describe("REPORT: the figures", () => {
  const day = [
    ev("household.tested", "2026-04-05T00:10:00", { roundId: "r1", householdId: "h1" }),
    ev("household.tested", "2026-04-05T00:20:00", { roundId: "r1", householdId: "h1" }),
    ev("household.tested", "2026-04-05T09:00:00", { roundId: "r1", householdId: "h2" }),
    ev("household.tested", "2026-04-05T09:05:00", { roundId: "r1", householdId: "h3" }),
    ev("household.tested", "2026-04-05T15:00:00", { roundId: "r2", householdId: "h1" }),
    ev("test.result", "2026-04-05T16:00:00", { roundId: "r1", householdId: "h3", result: "positive" }),
    ev("test.result", "2026-04-05T16:01:00", { roundId: "r1", householdId: "h2", result: "negative" }),
    ev("building.sealed", "2026-04-05T16:30:00", { buildingId: "b10", reason: "positive" }),
    ev("building.sealed", "2026-04-05T16:40:00", { buildingId: "b10", reason: "positive case in 1001" }),
    ev("building.unsealed", "2026-04-05T17:00:00", { buildingId: "b2" }),
    ev("request.opened", "2026-04-05T08:00:00", { requestId: "q2", householdId: "h2", kind: "medicine" }),
    ev("request.approved", "2026-04-05T00:45:00", { requestId: "q1" }),
    ev("request.rejected", "2026-04-05T09:00:00", { requestId: "q2", reason: "no" }),
    ev("request.opened", "2026-04-05T23:50:00", { requestId: "q3", householdId: "h3", kind: "leave" }),
  ];
  const requests = new Map([
    ["q1", { kind: "leave", openedAt: sh("2026-04-04T23:30:00"), basis: "documents" as const, overrideReason: null }],
    ["q2", { kind: "medicine", openedAt: sh("2026-04-05T08:00:00"), basis: null, overrideReason: null }],
  ]);

  it("REPORT4 tests once per household and round (a repeated tap and one counted the day before do not count), positives, seals that sealed", () => {
    const r = dailyReport(input(day, { requests, sealedAtStart: ["b2"], testedBefore: ["r2/h1"] }));
    expect(r).toMatchObject({ householdsTested: 3, positives: 1, buildingsSealed: 1, buildingsUnsealed: 1, complete: true });
    expect(r.rounds).toEqual([{ roundId: "r1", kind: "pcr", tested: 3 }]);
    expect(r.buildings).toEqual([
      { buildingId: "b1", label: "1号楼", tested: 2, positives: 0 },
      { buildingId: "b10", label: "10号楼", tested: 1, positives: 1 },
    ]);
    expect(r.testedByHour.slice(0, 10)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it("REPORT5 an approval at 00:45 of a request opened at 23:30 the day before: 75 minutes, counted on the day of the approval", () => {
    const r = dailyReport(input(day, { requests }));
    expect(r.requests).toEqual({
      opened: { leave: 1, medical: 0, medicine: 1, supplies: 0, other: 0 },
      decided: { approved: 1, rejected: 1 },
      medianMinutesToDecision: (75 + 60) / 2,
    });
    expect(r.releases).toEqual([{ requestId: "q1", kind: "leave", basis: "documents", reason: null }]);
    const override = new Map([["q1", { ...requests.get("q1")!, basis: "override" as const, overrideReason: "funeral" }]]);
    expect(dailyReport(input(day, { requests: override })).releases[0]).toMatchObject({ basis: "override", reason: "funeral" });
  });

  it("REPORT6 an empty day has zeros, no median, and a day under way is not complete; its rows carry every figure", () => {
    const r = dailyReport(input([], { now: sh("2026-04-05T12:00:00") }));
    expect(r).toMatchObject({ householdsTested: 0, complete: false, volunteerHours: {}, releases: [] });
    expect(r.requests.medianMinutesToDecision).toBeNull();
    const rows = reportRows(dailyReport(input(day, { requests })));
    expect(CSV_HEADER).toHaveLength(5);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows).toContainEqual(["summary", "householdsTested", null, 3, null]);
    expect(rows).toContainEqual(["release", "q1", "leave", "documents", null]);
  });
});
