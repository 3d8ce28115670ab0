// Why: STREET1: the street office's tiles, ordered by what needs attention.
import { describe, expect, it } from "vitest";
import { compoundLabel, STREET } from "../../app/_i18n/street";
import { byAttention, coverage, SILENT_AFTER_MS, shortPosts, silent } from "../../app/street/street-order";
import { figuresOf, silentSince, totalsOf } from "../../server/domain/street-daily";
import type { DailyReport } from "../../server/protocol/daily-report";
import { emptyCounts, type StreetEntry } from "../../server/protocol/state";

const NOW = Date.parse("2026-04-05T10:00:00Z");
const entry = (community: string, patch: Partial<StreetEntry["counts"]> = {}, extra: Partial<StreetEntry> = {}): StreetEntry => ({
  seq: 1,
  community,
  demo: false,
  counts: { ...emptyCounts(), householdsTotal: 100, householdsTested: 50, ...patch },
  round: { roundId: "r1", kind: "pcr", openedAt: "2026-04-05T08:00:00Z" },
  name: null,
  lastEventAt: new Date(NOW - 60_000).toISOString(),
  posts: [],
  positives: 0,
  ...extra,
});

describe("STREET1: tiles by attention", () => {
  it("STREET1 urgent first, then silent, then the lowest coverage, then sealed; ties by name", () => {
    const list = [
      entry("calm", { householdsTested: 90 }),
      entry("low", { householdsTested: 10 }),
      entry("urgent", { urgentRequests: 1, householdsTested: 99 }),
      entry("quiet", { householdsTested: 95 }, { lastEventAt: new Date(NOW - SILENT_AFTER_MS - 1).toISOString() }),
      entry("sealed-b", { householdsTested: 90, buildingsSealed: 2 }),
      entry("no-round", {}, { round: null, lastEventAt: null }),
    ];
    expect(byAttention(list, NOW).map((e) => e.community)).toEqual(["urgent", "quiet", "low", "sealed-b", "calm", "no-round"]);
  });

  it("STREET6 a post below its minimum and holders overdue come right after silence, before coverage", () => {
    const thin = { posts: [{ post: "gate", onDuty: 1, minimum: 3 }] };
    const list = [
      entry("low", { householdsTested: 10 }),
      entry("thin", { householdsTested: 90 }, thin),
      entry("late", { householdsTested: 90, overdue: 2 }),
      entry("enough", { householdsTested: 90 }, { posts: [{ post: "gate", onDuty: 3, minimum: 3 }] }),
    ];
    expect(byAttention(list, NOW).map((e) => e.community)).toEqual(["thin", "late", "low", "enough"]);
    expect(shortPosts(entry("thin", {}, thin)).map((p) => p.post)).toEqual(["gate"]);
  });

  it("STREET1 coverage needs a round and households; a compound without a round is never silent", () => {
    expect(coverage(entry("a"))).toBe(0.5);
    expect(coverage(entry("a", {}, { round: null }))).toBeNull();
    expect(coverage(entry("a", { householdsTotal: 0, householdsTested: 0 }))).toBeNull();
    expect(silent(entry("a", {}, { round: null, lastEventAt: null }), NOW)).toBe(false);
    expect(silent(entry("a", {}, { lastEventAt: null }), NOW)).toBe(true);
  });
});

describe("STREET4: the street's daily summary", () => {
  const row = (community: string, lastEventAt: string | null, sealed: number) => ({
    community,
    name: null,
    lastEventAt,
    ...figuresOf({
      householdsTested: 2,
      positives: 0,
      buildingsSealed: sealed,
      buildingsUnsealed: 0,
      requests: { opened: { leave: 1, medical: 0, medicine: 2, supplies: 0, other: 0 }, decided: { approved: 1, rejected: 0 } },
      releases: [],
      volunteerHours: { gate: 1.255, testing: 2 },
    } as unknown as DailyReport),
  });
  it("STREET4 figures per compound, totals over them, and the compounds silent since an instant", () => {
    const rows = [row("a", "2026-04-05T07:00:00Z", 1), row("b", "2026-04-05T01:00:00Z", 2), row("c", null, 0)];
    expect(rows[0]).toMatchObject({ requestsOpened: 3, approved: 1, volunteerHours: 3.26 });
    expect(totalsOf(rows)).toMatchObject({ buildingsSealed: 3, householdsTested: 6, requestsOpened: 9, volunteerHours: 9.78 });
    expect(silentSince(rows, new Date("2026-04-05T02:00:00Z"))).toEqual(["b", "c"]);
  });
});

describe("FIX19 a compound is named to a person, never as `default`", () => {
  it("its name when it has one, its id otherwise, and the deployment's first compound unnamed in the screen's language", () => {
    expect(compoundLabel({ name: "幸福里", community: "default" }, STREET["zh-CN"])).toBe("幸福里");
    expect(compoundLabel({ name: null, community: "default" }, STREET["zh-CN"])).toBe("未命名小区");
    expect(compoundLabel({ name: null, community: "default" }, STREET.en)).toBe("Unnamed compound");
    expect(compoundLabel({ name: null, community: "east" }, STREET.en)).toBe("east");
  });
});
