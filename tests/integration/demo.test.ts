// DEMO1–DEMO2: the demo stays in its own lane: no token loads it, and its simulator touches only its own entities.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulator } from "../../server/demo/simulator";
import { createLogger } from "../../server/log";
import { ENGINE, engineReady } from "../support/db";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`DEMO: the demo cannot touch real data on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ DEMO: "1", DEMO_TICK_MS: "3600000" });
  });
  afterAll(() => s?.close());

  it("DEMO1 demo.loaded is internal: a secretary posting it gets 403 and nothing changes, alone or in a batch", async () => {
    const fresh = await startTestServer();
    try {
      const before = await fresh.snapshot("real");
      expect(before.demo).toBe(false);
      const one = await fresh.post({ type: "demo.loaded", community: "real", payload: {} });
      expect(one.status).toBe(403);
      expect(one.body.error.message).toMatch(/only by the server itself/);
      const batch = await fresh.post({
        events: [
          { type: "building.registered", community: "real", payload: { buildingId: "b1", label: "1" } },
          { type: "demo.loaded", community: "real", payload: {} },
        ],
      });
      expect(batch.status).toBe(403);
      expect(await fresh.snapshot("real")).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it("DEMO2 the simulator acts only on the demo's own buildings, households, volunteers, rounds and requests", async () => {
    const real = [
      { type: "building.registered", payload: { buildingId: "north-1", label: "北1号楼" } },
      { type: "building.registered", payload: { buildingId: "b42", label: "42号楼" } },
      { type: "household.registered", payload: { householdId: "h1384", buildingId: "north-1", unit: "101", residents: 2 } },
      { type: "household.registered", payload: { householdId: "n-101", buildingId: "b42", unit: "101", residents: 1 } },
      { type: "volunteer.registered", payload: { volunteerId: "v163", name: "王小明", skills: [] } },
      { type: "volunteer.registered", payload: { volunteerId: "real-v1", name: "李四", skills: [] } },
      { type: "request.opened", payload: { requestId: "real-q1", householdId: "h5", kind: "supplies" } },
      { type: "request.opened", payload: { requestId: "real-q2", householdId: "n-101", kind: "medical", urgent: true } },
    ];
    expect((await s.post({ events: real })).status).toBe(201);
    const realIds = new Set(["north-1", "b42", "h1384", "n-101", "v163", "real-v1", "real-q1", "real-q2"]);

    const sim = new Simulator(s.app.handle.db, createLogger("silent"), 3_600_000);
    const acted: unknown[] = [];
    for (let i = 0; i < 25; i++)
      for (const kind of ["swab", "shift", "open", "decide", "seal"] as const) acted.push(await sim.act(kind).catch(() => undefined));
    const touched = acted.flatMap((e) => Object.values((e as { payload?: Record<string, unknown> } | undefined)?.payload ?? {}));
    expect(touched.filter((v) => typeof v === "string" && realIds.has(v))).toEqual([]);
    expect(acted.filter(Boolean).length).toBeGreaterThan(60);

    const rows = await s.app.handle.db.query.requests.findMany({ where: (r, { like }) => like(r.requestId, "real-%") });
    expect(rows.map((r) => r.status)).toEqual(["pending", "pending"]);
    const vols = await s.app.handle.db.query.volunteers.findMany({
      where: (v, { inArray }) => inArray(v.volunteerId, ["v163", "real-v1"]),
    });
    expect(vols.every((v) => !v.onDuty)).toBe(true);
    const blds = await s.app.handle.db.query.buildings.findMany({ where: (b, { inArray }) => inArray(b.buildingId, ["north-1", "b42"]) });
    expect(blds.every((b) => !b.sealed)).toBe(true);
  });
});
