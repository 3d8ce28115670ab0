import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
const tested = (householdId = "h1") => ({ type: "household.tested", payload: { roundId: "r1", householdId } });

/** [what, body, expected status, path the error should name] */
const MALFORMED: [string, unknown, number, string?][] = [
  ["no type", { payload: { buildingId: "b9", label: "x" } }, 400],
  ["unknown type", { type: "building.demolished", payload: { buildingId: "b1" } }, 400, "type"],
  ["no payload", { type: "building.registered" }, 400, "payload"],
  ["payload not an object", { type: "building.registered", payload: "b9" }, 400, "payload"],
  ["missing field", { type: "building.registered", payload: { buildingId: "b9" } }, 400, "payload.label"],
  ["unknown field", { type: "building.registered", payload: { buildingId: "b9", label: "x", colour: "red" } }, 400, "payload"],
  ["id with a space", { type: "building.registered", payload: { buildingId: "b 9", label: "x" } }, 400, "payload.buildingId"],
  ["id of 65 characters", { type: "building.registered", payload: { buildingId: "b".repeat(65), label: "x" } }, 400, "payload.buildingId"],
  ["empty label", { type: "building.registered", payload: { buildingId: "b9", label: "  " } }, 400, "payload.label"],
  [
    "residents -1 (0 is a vacant flat, v1.2)",
    { type: "household.registered", payload: { householdId: "h9", buildingId: "b1", unit: "1", residents: -1 } },
    400,
    "payload.residents",
  ],
  [
    "residents as text",
    { type: "household.registered", payload: { householdId: "h9", buildingId: "b1", unit: "1", residents: "3" } },
    400,
    "payload.residents",
  ],
  [
    "residents fractional",
    { type: "household.registered", payload: { householdId: "h9", buildingId: "b1", unit: "1", residents: 2.5 } },
    400,
    "payload.residents",
  ],
  [
    "bad phone",
    { type: "volunteer.registered", payload: { volunteerId: "v9", name: "x", phone: "call me", skills: [] } },
    400,
    "payload.phone",
  ],
  ["bad round kind", { type: "round.opened", payload: { roundId: "r9", kind: "lft" } }, 400, "payload.kind"],
  ["bad result", { type: "test.result", payload: { roundId: "r1", householdId: "h1", result: "maybe" } }, 400, "payload.result"],
  ["bad request kind", { type: "request.opened", payload: { requestId: "q9", householdId: "h1", kind: "taxi" } }, 400, "payload.kind"],
  [
    "urgent as string",
    { type: "request.opened", payload: { requestId: "q9", householdId: "h1", kind: "medical", urgent: "yes" } },
    400,
    "payload.urgent",
  ],
  [
    "test report without testedAt",
    { type: "request.document_added", payload: { requestId: "q1", document: "test_report" } },
    400,
    "payload.testedAt",
  ],
  ["unknown document", { type: "request.document_added", payload: { requestId: "q1", document: "passport" } }, 400, "payload.document"],
  ["occurredAt without zone", { ...tested(), occurredAt: "2026-04-05 09:12" }, 400, "occurredAt"],
  ["occurredAt in the future", { ...tested(), occurredAt: "2099-01-01T00:00:00Z" }, 400, "occurredAt"],
  ["override without reason", { type: "request.approved", payload: { requestId: "q1", override: {} } }, 400, "payload.override.reason"],
  ["bad community", { ...tested(), community: "north side" }, 400, "community"],
  ["events not an array", { events: tested() }, 400, "events"],
  ["empty batch", { events: [] }, 400, "events"],
  ["a JSON array", [tested()], 400],
  ["a JSON string", "household.tested", 400],
  ["null", null, 400],
];

describe.skipIf(!ready)(`ING: bad input on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
    expect((await s.post({ type: "request.opened", payload: { requestId: "q1", householdId: "h1", kind: "leave" } })).status).toBe(201);
  });
  afterAll(() => s?.close());

  it.each(MALFORMED)("ING9 %s: 4xx with the error model, nothing changes", async (_what, body, status, path) => {
    const before = await s.snapshot();
    const r = await s.post(body);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    if (path) expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await s.snapshot()).toEqual(before);
  });

  it("ING9b a body that is not JSON, or empty, is a 400 that says so", async () => {
    for (const body of ["{type:", ""]) {
      const r = await s.api("/api/events", { method: "POST", body, headers: { "content-type": "application/json" } });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/JSON|empty/);
    }
  });

  it("ING6 the same id with the same content is a duplicate with the original seq; other content is a 409", async () => {
    const id = "6f1c1f3e-0b9a-4c5d-9e8f-000000000001";
    const event = { id, ...tested("h2"), occurredAt: "2026-04-05T09:12:00+08:00" };
    const first = await s.post(event);
    expect(first.status).toBe(201);
    expect(first.body.accepted[0]).toMatchObject({ id, duplicate: false });
    const before = await s.snapshot();
    const again = await s.post({ ...event, occurredAt: "2026-04-05T01:12:00Z" });
    expect(again.status).toBe(200);
    expect(again.body.accepted[0]).toEqual({ id, seq: first.body.accepted[0].seq, duplicate: true });
    const clash = await s.post({ ...event, payload: { roundId: "r1", householdId: "h3" } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/already used/);
    expect(await s.snapshot()).toEqual(before);
  });

  it("ING8 a batch with one bad event changes nothing and the error names the event by index", async () => {
    const before = await s.snapshot();
    const bad = await s.post({ events: [tested("h3"), { type: "building.sealed", payload: { buildingId: "b1" } }, tested("h404")] });
    expect(bad.status).toBe(409);
    expect(bad.body.error.message).toMatch(/^event 2: household h404/);
    expect(bad.body.error.issues[0].path).toBe("events[2].payload.householdId");
    const invalid = await s.post({ events: [tested("h3"), { type: "building.sealed", payload: {} }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/^event 1: /);
    expect(await s.snapshot()).toEqual(before);
    const good = await s.post({ events: [tested("h3"), { type: "building.sealed", payload: { buildingId: "b1" } }] });
    expect(good.status).toBe(201);
    expect(good.body.accepted.map((a: { seq: number }) => a.seq)).toEqual([before.seq + 1, before.seq + 2]);
  });

  it("ING10 over 1,000 events is a 400 and over 1 MiB a 413, both naming the limit", async () => {
    const many = await s.post({ events: Array.from({ length: 1001 }, () => tested("h1")) });
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.body)).toMatch(/1,000|1000/);
    const huge = await s.post({ ...tested("h1"), padding: "x".repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("too_large");
  });

  it("ING10b a batch of exactly 1,000 events is accepted in one transaction", async () => {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      type: "volunteer.registered",
      payload: { volunteerId: `bulk${i}`, name: `v${i}`, skills: [] },
    }));
    const r = await s.post({ events });
    expect(r.status).toBe(201);
    const seqs = r.body.accepted.map((a: { seq: number }) => a.seq);
    expect(seqs[999] - seqs[0]).toBe(999);
  });
});

describe.skipIf(!ready)(`ING11: rate limits on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ RATE_LIMIT: "20" });
  });
  afterAll(() => s?.close());

  it("ING11 one token flooding gets 429 with Retry-After, another token is unaffected", async () => {
    const other = await s.mint("volunteer");
    const flood = await Promise.all(Array.from({ length: 60 }, () => s.api("/api/snapshot")));
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    const limited = flood.find((r) => r.status === 429);
    if (!limited) throw new Error("no request was limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await s.api("/api/snapshot", { token: other })).status).toBe(200);
  });
});
