// Why: undo, merge, retire, vacate and name on both engines: who may, the 409s, the counts and lists that follow, and a recount that agrees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyProjections } from "../../server/ops/verify";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`FIX: corrections on ${ENGINE}`, () => {
  let s: TestServer;
  let li: string;
  let wang: string;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  let n = 0;
  /** A fresh compound per test, with tokens bound to v1 (Li Na) and v2 (Wang Fang). */
  const compound = async () => {
    const c = `fix${++n}`;
    expect((await s.post({ events: smallCompound(c) })).status).toBe(201);
    const mint = async (volunteerId: string) => {
      const r = await s.api("/api/tokens", { method: "POST", json: { role: "volunteer", label: volunteerId, volunteerId, community: c } });
      expect(r.status).toBe(201);
      return ((await r.json()) as { token: string }).token;
    };
    li = await mint("v1");
    wang = await mint("v2");
    return c;
  };
  const post = (c: string, type: string, payload: object, token?: string, occurredAt?: string) =>
    s.post({ type, community: c, payload, ...(occurredAt ? { occurredAt } : {}) }, token);
  const untested = async (c: string) => {
    const l = (await (await s.api(`/api/untested?community=${c}`)).json()) as { buildings: { households: { householdId: string }[] }[] };
    return l.buildings.flatMap((b) => b.households.map((h) => h.householdId));
  };
  const recountAgrees = async () => {
    const report = await verifyProjections(s.app.handle.db);
    expect(report.differences).toEqual([]);
  };
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it("FIX1 a volunteer undoes their own tap within 10 minutes: householdsTested drops, the household is back on the list, the history shows both", async () => {
    const c = await compound();
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h1" }, li)).status).toBe(201);
    expect((await s.snapshot(c)).counts.householdsTested).toBe(1);
    expect(await untested(c)).not.toContain("h1");
    const other = await post(c, "household.test_undone", { roundId: "r1", householdId: "h1" }, wang);
    expect(other.status).toBe(409);
    expect(other.body.error.reason).toBe("undo_not_yours");
    expect((await post(c, "household.test_undone", { roundId: "r1", householdId: "h1", reason: "wrong door" }, li)).status).toBe(201);
    expect((await s.snapshot(c)).counts.householdsTested).toBe(0);
    expect(await untested(c)).toContain("h1");
    const again = await post(c, "household.test_undone", { roundId: "r1", householdId: "h1" }, li);
    expect(again.body.error.reason).toBe("nothing_to_undo");
    const h = (await (await s.api(`/api/history?community=${c}&entity=household&id=h1`)).json()) as { events: { type: string }[] };
    expect(h.events.map((e) => e.type)).toEqual(["household.registered", "household.tested", "household.test_undone"]);
    // Tapped again, it counts again.
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h1" }, li)).status).toBe(201);
    expect((await s.snapshot(c)).counts.householdsTested).toBe(1);
    await recountAgrees();
  });

  it("FIX2 past 10 minutes only the secretary undoes, and with a reason; a result and a check-in undo likewise", async () => {
    const c = await compound();
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h2" }, li, ago(11))).status).toBe(201);
    expect((await post(c, "household.test_undone", { roundId: "r1", householdId: "h2" }, li)).body.error.reason).toBe("undo_window_passed");
    expect((await post(c, "household.test_undone", { roundId: "r1", householdId: "h2" })).body.error.reason).toBe("undo_needs_reason");
    expect((await post(c, "household.test_undone", { roundId: "r1", householdId: "h2", reason: "tapped by mistake" })).status).toBe(201);
    // A positive result raises an alarm; undoing it takes the alarm off and leaves the household tested.
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h1" }, li)).status).toBe(201);
    expect((await post(c, "test.result", { roundId: "r1", householdId: "h1", result: "positive" }, li)).status).toBe(201);
    const alarms = async () => ((await (await s.api(`/api/wall?community=${c}`)).json()) as { alerts: { total: number } }).alerts.total;
    expect(await alarms()).toBe(1);
    expect((await post(c, "test.result_undone", { roundId: "r1", householdId: "h1", reason: "wrong tube" }, li)).status).toBe(201);
    expect(await alarms()).toBe(0);
    expect((await s.snapshot(c)).counts.householdsTested).toBe(1);
    expect((await post(c, "volunteer.checked_in", { volunteerId: "v1", post: "gate" }, li)).status).toBe(201);
    expect((await s.snapshot(c)).counts.volunteersOnDuty).toBe(1);
    expect((await post(c, "volunteer.checkin_undone", { volunteerId: "v1" }, li)).status).toBe(201);
    expect((await s.snapshot(c)).counts.volunteersOnDuty).toBe(0);
    expect((await post(c, "volunteer.checkin_undone", { volunteerId: "v1" }, li)).body.error.reason).toBe("nothing_to_undo");
    await recountAgrees();
  });

  it("FIX3 merging a duplicate: volunteersTotal drops, its duty passes on, its history stays; the 409s", async () => {
    const c = await compound();
    expect((await post(c, "volunteer.registered", { volunteerId: "v3", name: "Li Na 李娜", phone: "13700137000" })).status).toBe(201);
    expect((await post(c, "volunteer.checked_in", { volunteerId: "v3", post: "gate" })).status).toBe(201);
    let snap = await s.snapshot(c);
    expect(snap.counts).toMatchObject({ volunteersTotal: 3, volunteersOnDuty: 1 });
    expect((await post(c, "volunteer.merged", { volunteerId: "v3", intoVolunteerId: "v3" })).body.error.reason).toBe(
      "volunteer_merge_self",
    );
    expect((await post(c, "volunteer.merged", { volunteerId: "v9", intoVolunteerId: "v1" })).body.error.reason).toBe("volunteer_unknown");
    expect((await post(c, "volunteer.merged", { volunteerId: "v3", intoVolunteerId: "v1" }, li)).status).toBe(403);
    expect((await post(c, "volunteer.merged", { volunteerId: "v3", intoVolunteerId: "v1", reason: "imported twice" })).status).toBe(201);
    snap = await s.snapshot(c);
    expect(snap.counts).toMatchObject({ volunteersTotal: 2, volunteersOnDuty: 1 });
    const reg = (await (await s.api(`/api/registry?community=${c}`)).json()) as { volunteers: { volunteerId: string; onDuty: boolean }[] };
    expect(reg.volunteers.map((v) => v.volunteerId)).toEqual(["v1", "v2"]);
    expect(reg.volunteers.find((v) => v.volunteerId === "v1")?.onDuty).toBe(true);
    expect((await post(c, "volunteer.merged", { volunteerId: "v3", intoVolunteerId: "v2" })).body.error.reason).toBe("volunteer_retired");
    expect((await post(c, "volunteer.checked_in", { volunteerId: "v3", post: "gate" })).body.error.reason).toBe("volunteer_retired");
    const h = (await (await s.api(`/api/history?community=${c}&entity=volunteer&id=v3`)).json()) as { events: { type: string }[] };
    expect(h.events.map((e) => e.type)).toEqual(["volunteer.registered", "volunteer.checked_in", "volunteer.merged"]);
    // Retiring: off the counts, checked out.
    expect((await post(c, "volunteer.retired", { volunteerId: "v1", reason: "left the compound" })).status).toBe(201);
    expect((await s.snapshot(c)).counts).toMatchObject({ volunteersTotal: 1, volunteersOnDuty: 0 });
    expect((await post(c, "volunteer.retired", { volunteerId: "v1" })).body.error.reason).toBe("volunteer_retired");
    await recountAgrees();
  });

  it("FIX4 a vacant or moved-out household leaves householdsTotal and the door-knocking list; reoccupied it returns", async () => {
    const c = await compound();
    expect((await s.snapshot(c)).counts.householdsTotal).toBe(3);
    expect((await post(c, "household.vacated", { householdId: "h2", status: "vacant" })).status).toBe(201);
    expect((await post(c, "household.vacated", { householdId: "h3", status: "moved_out" })).status).toBe(201);
    expect((await post(c, "household.vacated", { householdId: "h3", status: "vacant" })).body.error.reason).toBe("household_not_lived_in");
    expect((await post(c, "household.vacated", { householdId: "h1", status: "vacant" }, li)).status).toBe(403);
    expect((await s.snapshot(c)).counts.householdsTotal).toBe(1);
    expect(await untested(c)).toEqual(["h1"]);
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h2" }, li)).body.error.reason).toBe("household_not_lived_in");
    expect((await post(c, "household.reoccupied", { householdId: "h3" })).status).toBe(201);
    expect((await post(c, "household.reoccupied", { householdId: "h3" })).body.error.reason).toBe("household_already_lived_in");
    expect((await s.snapshot(c)).counts.householdsTotal).toBe(2);
    expect(await untested(c)).toEqual(["h1", "h3"]);
    await recountAgrees();
  });

  it("FIX17 a tested household vacated is not counted as tested in the round the wall shows (its building's too); reoccupied it counts again", async () => {
    const c = await compound();
    type Tile = { buildingId: string; households: number; tested: number; positives: number };
    const figures = async () => {
      const snap = await s.snapshot(c);
      const wall = (await (await s.api(`/api/wall?community=${c}`)).json()) as { buildings: Tile[]; alerts: { total: number } };
      const b = Object.fromEntries(wall.buildings.map((x) => [x.buildingId, [x.tested, x.households, x.positives]]));
      // Whatever happened: never more tested than to test, and the buildings add up to the totals.
      expect(snap.counts.householdsTested).toBeLessThanOrEqual(snap.counts.householdsTotal);
      for (const x of wall.buildings) expect(x.tested).toBeLessThanOrEqual(x.households);
      expect(wall.buildings.reduce((n, x) => n + x.tested, 0)).toBe(snap.counts.householdsTested);
      expect(wall.buildings.reduce((n, x) => n + x.households, 0)).toBe(snap.counts.householdsTotal);
      return { tested: snap.counts.householdsTested, total: snap.counts.householdsTotal, b, alarms: wall.alerts.total };
    };
    for (const h of ["h1", "h2", "h3"]) expect((await post(c, "household.tested", { roundId: "r1", householdId: h }, li)).status).toBe(201);
    expect((await post(c, "test.result", { roundId: "r1", householdId: "h2", result: "positive" }, li)).status).toBe(201);
    expect(await figures()).toEqual({ tested: 3, total: 3, b: { b1: [2, 2, 1], b2: [1, 1, 0] }, alarms: 1 });
    // Moved out after its (positive) test: out of the tested and the total; its positive and its alarm stay.
    expect((await post(c, "household.vacated", { householdId: "h2", status: "moved_out", reason: "转运" })).status).toBe(201);
    expect(await figures()).toEqual({ tested: 2, total: 2, b: { b1: [1, 1, 1], b2: [1, 1, 0] }, alarms: 1 });
    await recountAgrees();
    // Back: its tap counts again, it is not on the door-knocking list.
    expect((await post(c, "household.reoccupied", { householdId: "h2" })).status).toBe(201);
    expect(await figures()).toEqual({ tested: 3, total: 3, b: { b1: [2, 2, 1], b2: [1, 1, 0] }, alarms: 1 });
    expect(await untested(c)).toEqual([]);
    // Vacated and back in one batch: nothing moves; a set-aside tap undone leaves the count as it was.
    const batch = (events: [string, object][]) => s.post({ events: events.map(([type, payload]) => ({ type, community: c, payload })) });
    expect(
      (
        await batch([
          ["household.vacated", { householdId: "h1", status: "vacant" }],
          ["household.reoccupied", { householdId: "h1" }],
        ])
      ).status,
    ).toBe(201);
    expect((await figures()).tested).toBe(3);
    expect((await post(c, "household.vacated", { householdId: "h3", status: "vacant" })).status).toBe(201);
    expect((await post(c, "household.test_undone", { roundId: "r1", householdId: "h3", reason: "wrong door" })).status).toBe(201);
    expect(await figures()).toEqual({ tested: 2, total: 2, b: { b1: [2, 2, 1], b2: [0, 0, 0] }, alarms: 1 });
    expect((await post(c, "household.reoccupied", { householdId: "h3" })).status).toBe(201);
    expect((await figures()).tested).toBe(2);
    expect(await untested(c)).toEqual(["h3"]);
    await recountAgrees();
    // The round closed still shows on the wall: a household vacated then leaves its figures too.
    expect((await post(c, "round.closed", { roundId: "r1" })).status).toBe(201);
    expect((await post(c, "household.vacated", { householdId: "h1", status: "moved_out" })).status).toBe(201);
    expect(await figures()).toEqual({ tested: 1, total: 2, b: { b1: [1, 1, 1], b2: [0, 1, 0] }, alarms: 1 });
    // A new round opened and a vacate in the same batch: the new round is the one that counts, r1 keeps its figure.
    expect(
      (
        await batch([
          ["household.reoccupied", { householdId: "h1" }],
          ["round.opened", { roundId: "r2", kind: "antigen" }],
          ["household.tested", { roundId: "r2", householdId: "h3" }],
          ["household.vacated", { householdId: "h3", status: "vacant" }],
        ])
      ).status,
    ).toBe(201);
    expect(await figures()).toEqual({ tested: 0, total: 2, b: { b1: [0, 2, 0], b2: [0, 0, 0] }, alarms: 1 });
    expect((await post(c, "household.reoccupied", { householdId: "h3" })).status).toBe(201);
    expect(await figures()).toEqual({ tested: 1, total: 3, b: { b1: [0, 2, 0], b2: [1, 1, 0] }, alarms: 1 });
    await recountAgrees();
  });

  it("FIX18 a flat found with no residents (household.updated to 0) leaves the tested with its tap; a tap on an empty flat counts nowhere; a vacated flat's residents changed leave the total alone", async () => {
    const c = await compound();
    const counts = async () => {
      const { householdsTested, householdsTotal } = (await s.snapshot(c)).counts;
      const wall = (await (await s.api(`/api/wall?community=${c}`)).json()) as { buildings: { buildingId: string; tested: number }[] };
      return [householdsTested, householdsTotal, ...wall.buildings.map((b) => b.tested)];
    };
    const update = (householdId: string, buildingId: string, residents: number) =>
      post(c, "household.updated", { householdId, buildingId, unit: "1", residents });
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h3" }, li)).status).toBe(201);
    expect(await counts()).toEqual([1, 3, 0, 1]);
    expect((await update("h3", "b2", 0)).status).toBe(201);
    expect(await counts()).toEqual([0, 2, 0, 0]);
    expect((await update("h3", "b2", 2)).status).toBe(201);
    expect(await counts()).toEqual([1, 3, 0, 1]);
    // Empty, then tapped by hand: kept, set aside from the start.
    expect((await update("h2", "b1", 0)).status).toBe(201);
    expect((await post(c, "household.tested", { roundId: "r1", householdId: "h2" }, li)).status).toBe(201);
    expect(await counts()).toEqual([1, 2, 0, 1]);
    await recountAgrees();
    // Vacated, then its residents corrected either way: the total moves only when it is lived in again.
    expect((await post(c, "household.vacated", { householdId: "h1", status: "moved_out" })).status).toBe(201);
    expect((await update("h1", "b1", 0)).status).toBe(201);
    expect(await counts()).toEqual([1, 1, 0, 1]);
    expect((await update("h1", "b1", 4)).status).toBe(201);
    expect(await counts()).toEqual([1, 1, 0, 1]);
    expect((await post(c, "household.reoccupied", { householdId: "h2" })).body.error.reason).toBe("household_already_lived_in");
    expect((await post(c, "household.reoccupied", { householdId: "h1" })).status).toBe(201);
    expect((await update("h2", "b1", 1)).status).toBe(201);
    expect(await counts()).toEqual([2, 3, 1, 1]);
    await recountAgrees();
  });

  it("FIX5 community.named is the secretary's, and the recount keeps the name", async () => {
    const c = await compound();
    expect((await post(c, "community.named", { name: "幸福里小区" }, li)).status).toBe(403);
    expect((await post(c, "community.named", { name: "幸福里小区" })).status).toBe(201);
    expect((await s.snapshot(c)).name).toBe("幸福里小区");
    await recountAgrees();
  });

  it("FIX7 the people's daily report (format=table): the name, coverage, the round's label, sealed buildings, releases by name, in either language; undone taps not counted", async () => {
    const c = `fix${++n}`;
    const e = (type: string, payload: object) => ({ type, community: c, payload });
    const events = smallCompound(c).filter((x) => x.type !== "round.opened");
    expect((await s.post({ events })).status).toBe(201);
    for (const [type, payload] of [
      ["community.named", { name: "幸福里小区" }],
      ["round.opened", { roundId: "r1", kind: "pcr", label: "第一轮全员核酸" }],
      ["household.tested", { roundId: "r1", householdId: "h1" }],
      ["household.tested", { roundId: "r1", householdId: "h2" }],
      ["household.test_undone", { roundId: "r1", householdId: "h2", reason: "wrong door" }],
      ["building.sealed", { buildingId: "b2", reason: "密接" }],
      ["request.opened", { requestId: "q1", householdId: "h1", kind: "leave", person: "张伟" }],
      ["request.approved", { requestId: "q1", override: { reason: "dialysis" } }],
    ] as const)
      expect((await s.post(e(type, payload))).status).toBe(201);
    const json = (await (await s.api(`/api/reports/daily?community=${c}`)).json()) as Record<string, any>;
    expect(json).toMatchObject({ householdsTested: 1, name: "幸福里小区", coverage: { tested: 1, toTest: 3, label: "第一轮全员核酸" } });
    expect(json.rounds).toEqual([expect.objectContaining({ roundId: "r1", tested: 1, label: "第一轮全员核酸" })]);
    const zh = await (await s.api(`/api/reports/daily?community=${c}&format=table`)).text();
    expect(zh).toContain("幸福里小区");
    expect(zh).toContain("第一轮全员核酸：已检测 1 户 / 应检测 3 户");
    expect(zh).toMatch(/封控中的楼栋,Building 2,,封控时间 .*；密接/);
    expect(zh).toMatch(/放行,Building 1 101 张伟,外出,书记特批；dialysis；/);
    expect(zh).not.toContain("r1");
    expect(zh).not.toContain(c);
    const en = await (await s.api(`/api/reports/daily?community=${c}&format=table&lang=en`)).text();
    expect(en).toContain("第一轮全员核酸: 1 households tested of 3 to test");
    expect(en).toContain("Buildings sealed now,Building 2");
  });
});
