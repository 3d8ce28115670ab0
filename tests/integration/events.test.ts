import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { hoursBefore, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`ING/RULE: events on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  const ok = async (type: string, payload: object, extra: object = {}) => {
    const r = await s.post({ type, payload, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.accepted[0] as { id: string; seq: number };
  };
  const refused = async (type: string, payload: object, pattern: RegExp, extra: object = {}) => {
    const before = await s.snapshot();
    const r = await s.post({ type, payload, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.code).toBe("conflict");
    expect(r.body.error.message).toMatch(pattern);
    expect(await s.snapshot()).toEqual(before);
  };

  it("ING1 registry events build the compound and the counts follow; seq starts at 1 with no gaps", async () => {
    const r = await s.post({ events: smallCompound() });
    expect(r.status).toBe(201);
    expect(r.body.accepted.map((a: { seq: number }) => a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const snap = await s.snapshot();
    expect(snap).toMatchObject({
      seq: 8,
      community: "default",
      demo: false,
      counts: {
        householdsTotal: 3,
        householdsTested: 0,
        buildingsTotal: 2,
        buildingsSealed: 0,
        volunteersTotal: 2,
        volunteersOnDuty: 0,
        pendingRequests: 0,
        urgentRequests: 0,
      },
      round: { roundId: "r1", kind: "pcr" },
    });
  });

  it("RULE1 registering an id twice, or into an unknown building, is a 409", async () => {
    await refused("building.registered", { buildingId: "b1", label: "again" }, /already registered/);
    await refused(
      "household.registered",
      { householdId: "h9", buildingId: "b404", unit: "1", residents: 1 },
      /building b404 is not registered/,
    );
    await refused(
      "household.registered",
      { householdId: "h1", buildingId: "b1", unit: "1", residents: 1 },
      /household h1 is already registered/,
    );
    // A unit given as a number is kept as its text.
    await ok("household.registered", { householdId: "h5", buildingId: "b2", unit: 1202, residents: 2 });
    const [h5] = await s.app.handle.db.query.households.findMany({ where: (h, { eq }) => eq(h.householdId, "h5") });
    expect(h5?.unit).toBe("1202");
    await refused("volunteer.registered", { volunteerId: "v1", name: "x", skills: [] }, /already registered/);
  });

  it("ING2 household.tested counts once per household and round; unknown ids are 409", async () => {
    await ok("household.tested", { roundId: "r1", householdId: "h1", residentsTested: 3 });
    await ok("household.tested", { roundId: "r1", householdId: "h1" });
    await ok("household.tested", { roundId: "r1", householdId: "h2" });
    expect((await s.snapshot()).counts.householdsTested).toBe(2);
    await refused("household.tested", { roundId: "r404", householdId: "h1" }, /round r404 is unknown/);
    await refused("household.tested", { roundId: "r1", householdId: "h404" }, /household h404 is not registered/);
  });

  it("RULE2 one open round per community; a new round restarts householdsTested; a closed round keeps its count until then", async () => {
    await refused("round.opened", { roundId: "r2", kind: "antigen" }, /round r1 is still open/);
    await ok("round.closed", { roundId: "r1" });
    let snap = await s.snapshot();
    expect(snap.round).toBeNull();
    expect(snap.counts.householdsTested).toBe(2);
    await refused("round.closed", { roundId: "r1" }, /already closed/);
    await refused("household.tested", { roundId: "r1", householdId: "h3" }, /round r1 is closed/);
    await refused("round.opened", { roundId: "r1", kind: "pcr" }, /already opened once/);
    await ok("round.opened", { roundId: "r2", kind: "antigen", label: "Antigen 1" });
    snap = await s.snapshot();
    expect(snap.round).toMatchObject({ roundId: "r2", kind: "antigen" });
    expect(snap.counts.householdsTested).toBe(0);
    await ok("household.tested", { roundId: "r2", householdId: "h3" });
    expect((await s.snapshot()).counts.householdsTested).toBe(1);
  });

  it("ING3 test results need a test in that round; a positive result raises an alert", async () => {
    await refused("test.result", { roundId: "r2", householdId: "h1", result: "negative" }, /no test in round r2/);
    await ok("test.result", { roundId: "r1", householdId: "h1", result: "negative" });
    await ok("test.result", { roundId: "r2", householdId: "h3", result: "positive" });
    const rows = await s.app.handle.db.query.alerts.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "positive_result", buildingId: "b2", householdId: "h3" });
  });

  it("ING4 sealing and unsealing buildings; unsealing an open building is a 409", async () => {
    await ok("building.sealed", { buildingId: "b2", reason: "positive case" });
    await ok("building.sealed", { buildingId: "b2" });
    expect((await s.snapshot()).counts.buildingsSealed).toBe(1);
    await ok("building.unsealed", { buildingId: "b2" });
    await refused("building.unsealed", { buildingId: "b2" }, /building b2 is not sealed/);
    await refused("building.sealed", { buildingId: "b404" }, /not registered/);
    expect((await s.snapshot()).counts.buildingsSealed).toBe(0);
  });

  it("ING5 volunteers check in and out; twice in or out is a 409", async () => {
    await ok("volunteer.checked_in", { volunteerId: "v1", post: "gate" });
    await refused("volunteer.checked_in", { volunteerId: "v1", post: "testing" }, /already on duty/);
    expect((await s.snapshot()).counts.volunteersOnDuty).toBe(1);
    await ok("volunteer.checked_out", { volunteerId: "v1" });
    await refused("volunteer.checked_out", { volunteerId: "v1" }, /not on duty/);
    await refused("volunteer.checked_in", { volunteerId: "v404", post: "gate" }, /volunteer v404 is not registered/);
    await ok("volunteer.checked_in", { volunteerId: "v2", post: "门岗" });
    await ok("volunteer.checked_out", { volunteerId: "v2" });
    expect((await s.snapshot()).counts.volunteersOnDuty).toBe(0);
  });

  it("REQ2 request lifecycle: pending and urgent counts, fulfil only after approval, cancel only while pending", async () => {
    await ok("request.opened", { requestId: "q1", householdId: "h1", kind: "medicine", note: "insulin" });
    await ok("request.opened", { requestId: "q2", householdId: "h2", kind: "medical", urgent: true, person: "pregnant resident" });
    await refused("request.opened", { requestId: "q1", householdId: "h1", kind: "other" }, /already exists/);
    await refused("request.opened", { requestId: "q9", householdId: "h404", kind: "other" }, /not registered/);
    expect((await s.snapshot()).counts).toMatchObject({ pendingRequests: 2, urgentRequests: 1 });
    await refused("request.fulfilled", { requestId: "q1" }, /must be approved first/);
    await ok("request.approved", { requestId: "q2" });
    expect((await s.snapshot()).counts).toMatchObject({ pendingRequests: 2, urgentRequests: 1 });
    await refused("request.cancelled", { requestId: "q2" }, /request is approved/);
    await ok("request.fulfilled", { requestId: "q2" });
    expect((await s.snapshot()).counts).toMatchObject({ pendingRequests: 1, urgentRequests: 0 });
    await ok("request.cancelled", { requestId: "q1" });
    await refused("request.cancelled", { requestId: "q1" }, /request is cancelled/);
    await refused("request.approved", { requestId: "q404" }, /request q404 is unknown/);
    expect((await s.snapshot()).counts).toMatchObject({ pendingRequests: 0, urgentRequests: 0 });
  });

  it("REL7 the release rule over HTTP: no documents, letter only, 50-hour report, fresh report", async () => {
    await ok("request.opened", { requestId: "nurse", householdId: "h3", kind: "leave", person: "nurse recalled by hospital" });
    await refused("request.approved", { requestId: "nurse" }, /commitment letter and a test report/);
    await ok("request.document_added", { requestId: "nurse", document: "commitment_letter" });
    await refused("request.approved", { requestId: "nurse" }, /needs a test report/);
    await ok("request.document_added", { requestId: "nurse", document: "test_report", testedAt: hoursBefore(50) });
    await refused("request.approved", { requestId: "nurse" }, /50 hours old/);
    await ok("request.document_added", { requestId: "nurse", document: "test_report", testedAt: hoursBefore(20) });
    await ok("request.approved", { requestId: "nurse", note: "hospital letter seen" });
    const [row] = await s.app.handle.db.query.requests.findMany({ where: (r, { eq }) => eq(r.requestId, "nurse") });
    expect(row).toMatchObject({ status: "approved", releaseBasis: "documents", overrideReason: null });
  });

  it("REL8 a backdated approval is judged when it is recorded: a 5-day-old report does not pass by dating the approval 20 hours after it", async () => {
    await ok("request.opened", { requestId: "old", householdId: "h2", kind: "leave" }, { occurredAt: hoursBefore(125) });
    await ok("request.document_added", { requestId: "old", document: "commitment_letter" }, { occurredAt: hoursBefore(124) });
    await ok(
      "request.document_added",
      { requestId: "old", document: "test_report", testedAt: hoursBefore(120) },
      { occurredAt: hoursBefore(119) },
    );
    await refused("request.approved", { requestId: "old" }, /120 hours old/, { occurredAt: hoursBefore(100) });
    await refused("request.approved", { requestId: "old" }, /before its request was opened/, { occurredAt: hoursBefore(126) });
    await refused("request.approved", { requestId: "old", override: { reason: "x" } }, /before the request's documents were added/, {
      occurredAt: hoursBefore(123),
    });
    const before = await s.snapshot();
    expect(before.counts.pendingRequests).toBeGreaterThan(0);
    // Fresh documents, but the approval dated two hours back: only with a reason, and then the basis is the override.
    await ok(
      "request.document_added",
      { requestId: "old", document: "test_report", testedAt: hoursBefore(3) },
      { occurredAt: hoursBefore(2.5) },
    );
    await refused("request.approved", { requestId: "old" }, /2 hours in the past.*override\.reason/, { occurredAt: hoursBefore(2) });
    await ok(
      "request.approved",
      { requestId: "old", override: { reason: "decided by phone at the gate, entered late" } },
      {
        occurredAt: hoursBefore(2),
      },
    );
    const [row] = await s.app.handle.db.query.requests.findMany({ where: (r, { eq }) => eq(r.requestId, "old") });
    expect(row).toMatchObject({
      status: "approved",
      releaseBasis: "override",
      overrideReason: "decided by phone at the gate, entered late",
    });
    // Dated within the five-minute slack: the documents are the basis.
    await ok("request.opened", { requestId: "slack", householdId: "h2", kind: "leave" }, { occurredAt: hoursBefore(1) });
    await ok("request.document_added", { requestId: "slack", document: "commitment_letter" }, { occurredAt: hoursBefore(0.5) });
    await ok(
      "request.document_added",
      { requestId: "slack", document: "test_report", testedAt: hoursBefore(20) },
      { occurredAt: hoursBefore(0.25) },
    );
    await ok("request.approved", { requestId: "slack" }, { occurredAt: hoursBefore(2 / 60) });
    const [slack] = await s.app.handle.db.query.requests.findMany({ where: (r, { eq }) => eq(r.requestId, "slack") });
    expect(slack).toMatchObject({ releaseBasis: "documents", overrideReason: null });
  });

  it("REL9 override.reason releases anything else and is kept; a rejection needs a reason", async () => {
    await ok("request.opened", { requestId: "clinic", householdId: "h1", kind: "medical" });
    await refused("request.approved", { requestId: "clinic" }, /override\.reason/);
    await ok("request.approved", { requestId: "clinic", override: { reason: "elderly resident alone" } });
    const [row] = await s.app.handle.db.query.requests.findMany({ where: (r, { eq }) => eq(r.requestId, "clinic") });
    expect(row).toMatchObject({ releaseBasis: "override", overrideReason: "elderly resident alone" });
    await ok("request.opened", { requestId: "no", householdId: "h1", kind: "leave" });
    expect((await s.post({ type: "request.rejected", payload: { requestId: "no" } })).status).toBe(400);
    await ok("request.rejected", { requestId: "no", reason: "no test report" });
    await refused("request.approved", { requestId: "no", override: { reason: "x" } }, /request is rejected/);
  });

  it("ING7 communities are separate: ids and counts do not leak between them", async () => {
    const r = await s.post({ events: smallCompound("north") });
    expect(r.status).toBe(201);
    const north = await s.snapshot("north");
    expect(north.counts.householdsTotal).toBe(3);
    expect(north.seq).toBe(r.body.accepted[7].seq);
    expect((await s.snapshot()).counts.householdsTotal).toBe(4);
    expect((await s.snapshot("nowhere")).seq).toBe(0);
  });
});
