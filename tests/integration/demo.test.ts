// DEMO1–DEMO5, DEMO7–DEMO8: the demo stays in its own lane: no token loads it, its simulator touches only its own entities,
// and a secretary clears it to start the committee's own compound where it ran.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulator } from "../../server/demo/simulator";
import { appendEvents } from "../../server/ingest/append";
import { createLogger } from "../../server/log";
import { verifyProjections } from "../../server/ops/verify";
import { ENGINE, engineReady } from "../support/db";
import { feedAfter, importFile } from "../support/registry-files";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

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
    // Registered beside the demo as a database from before v1.2 may hold them (a person's registration is refused now: DEMO7).
    await appendEvents(s.app.handle.db, real, { role: "secretary", name: "before v1.2", internal: true });
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

  it("DEMO8 a batch that records activity in one community and then clears another's demo writes that activity once (verify agrees)", async () => {
    const side = "demo8-side";
    await appendEvents(s.app.handle.db, [{ type: "demo.loaded", community: side, payload: {} }], {
      role: "secretary",
      name: "demo",
      internal: true,
    });
    const b = "demo8-b";
    const setup = [
      { type: "building.registered", community: b, payload: { buildingId: "b1", label: "1" } },
      { type: "household.registered", community: b, payload: { householdId: "h1", buildingId: "b1", unit: "101", residents: 1 } },
      { type: "volunteer.registered", community: b, payload: { volunteerId: "v1", name: "Li", skills: [] } },
      { type: "round.opened", community: b, payload: { roundId: "r1", kind: "pcr" } },
    ];
    expect((await s.post({ events: setup })).status).toBe(201);
    const batch = await s.post({
      events: [
        { type: "volunteer.checked_in", community: b, payload: { volunteerId: "v1", post: "testing" } },
        { type: "household.tested", community: b, payload: { roundId: "r1", householdId: "h1" } },
        { type: "demo.cleared", community: side, payload: {} },
      ],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    const report = await verifyProjections(s.app.handle.db);
    expect(report.differences.filter((d) => d.what.includes(b))).toEqual([]);
    const rows = await s.app.handle.db.query.activityBuckets.findMany({ where: (a, { eq }) => eq(a.community, b) });
    expect(rows.map((r) => [r.tests, r.onDutyDelta])).toEqual([[1, 1]]);
  });
});

describe.skipIf(!ready)(`DEMO: the demo cleared, the committee's own compound where it ran, on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    // A quick simulator: it must stop by itself once the demo is gone.
    s = await startTestServer({ DEMO: "1", DEMO_TICK_MS: "50" });
  });
  afterAll(() => s?.close());

  const ZERO = {
    householdsTotal: 0,
    householdsTested: 0,
    buildingsTotal: 0,
    buildingsSealed: 0,
    volunteersTotal: 0,
    volunteersOnDuty: 0,
    pendingRequests: 0,
    urgentRequests: 0,
  };

  it("DEMO3 demo.cleared is the secretary's: a volunteer or display gets 403; a community without the demo 409", async () => {
    for (const role of ["volunteer", "display"] as const) {
      const r = await s.post({ type: "demo.cleared", payload: {} }, await s.mint(role));
      expect(r.status).toBe(403);
    }
    const none = await s.post({ type: "demo.cleared", community: "elsewhere", payload: {} });
    expect(none.status).toBe(409);
    expect(none.body.error.reason).toBe("no_demo_data");
    expect((await s.snapshot()).demo).toBe(true);
  });

  it("DEMO7 while the demo is there, a person's registration is refused (409, nothing changes), so clearing it takes nothing real", async () => {
    const before = await s.snapshot();
    const one = await s.post({ type: "building.registered", payload: { buildingId: "north-1", label: "北1号楼" } });
    expect(one.status).toBe(409);
    expect(one.body.error).toMatchObject({ reason: "registration_in_demo_community", params: { community: "default" } });
    expect(one.body.error.message).toMatch(/clear the demo first/);
    const batch = await s.post({
      events: [
        { type: "volunteer.registered", payload: { volunteerId: "real-v1", name: "李四", skills: [] } },
        { type: "household.registered", payload: { householdId: "real-h1", buildingId: "b1", unit: "9901", residents: 1 } },
      ],
    });
    expect(batch.status).toBe(409);
    expect(batch.body.error.message).toMatch(/^event 0: /);
    const after = await s.snapshot();
    expect(after.counts).toMatchObject({
      buildingsTotal: before.counts.buildingsTotal,
      householdsTotal: before.counts.householdsTotal,
      volunteersTotal: before.counts.volunteersTotal,
    });
    // Elsewhere, registrations go on as ever.
    expect((await s.post({ type: "building.registered", community: "demo7-real", payload: { buildingId: "b1", label: "1" } })).status).toBe(
      201,
    );
    expect((await verifyProjections(s.app.handle.db)).differences).toEqual([]);
  });

  it("DEMO4 cleared: counts zero, registry empty, the demo's phone links dead, the simulator stopped, a subscriber told; the feed keeps the demo", async () => {
    const before = await s.snapshot();
    expect(before.demo).toBe(true);
    expect(before.counts.householdsTotal).toBe(1383);
    // A phone handed to a demo volunteer, and a plain volunteer link that names no one.
    const bound = (
      await (await s.api("/api/tokens", { method: "POST", json: { role: "volunteer", label: "demo phone", volunteerId: "v1" } })).json()
    ).token as string;
    const plain = await s.mint("volunteer", "spare phone");
    const socket = connect(s.url, { token: plain });
    await connected(socket);
    const snapshots: { demo: boolean; counts: Record<string, number> }[] = [];
    socket.on("snapshot", (m) => snapshots.push(m as never));
    socket.emit("subscribe", { community: "default" });
    await waitFor(() => snapshots.length === 1, "the first snapshot");

    const r = await s.post({ type: "demo.cleared", payload: {} });
    expect(r.status).toBe(201);
    const after = await s.snapshot();
    expect(after.demo).toBe(false);
    expect(after.round).toBeNull();
    expect(after.counts).toEqual(ZERO);
    // The subscriber gets the whole snapshot again, demo mark off, without subscribing again.
    await waitFor(() => snapshots.some((m) => m.demo === false), "a snapshot without the demo mark", 3000);
    expect(snapshots.at(-1)?.counts).toEqual(ZERO);
    socket.close();

    const registry = await (await s.api("/api/registry?community=default")).json();
    expect([registry.buildings.length, registry.households.length, registry.volunteers.length]).toEqual([0, 0, 0]);
    const requests = await (await s.api("/api/requests?community=default")).json();
    expect(requests.requests).toEqual([]);
    const wall = await (await s.api("/api/wall?community=default")).json();
    expect([wall.demo, wall.buildings.length, wall.alerts.items.length, wall.queue.items.length]).toEqual([false, 0, 0, 0]);
    // The posts' names stay: the console's chips still read 门岗.
    expect(registry.posts.map((p: { post: string }) => p.post)).toContain("gate");

    await waitFor(async () => (await s.api("/api/session", { token: bound })).status === 401, "the demo volunteer's link revoked", 2000);
    expect((await s.api("/api/session", { token: plain })).status).toBe(200);

    // The simulator stops: with a 50 ms tick, a second and a half of silence.
    const head = async () => ((await (await s.api("/api/health")).json()) as { seq: number }).seq;
    await new Promise((r2) => setTimeout(r2, 300));
    const h1 = await head();
    await new Promise((r2) => setTimeout(r2, 1500));
    expect(await head()).toBe(h1);

    // The demo's events stay in the feed, with the clearing after them.
    const feed = await feedAfter(s, 0);
    expect(feed.filter((e) => e.type === "household.registered").length).toBe(1383);
    expect(feed.at(-1)?.type).toBe("demo.cleared");
    expect((await s.post({ type: "demo.cleared", payload: {} })).status).toBe(409);
    expect((await verifyProjections(s.app.handle.db)).differences).toEqual([]);
  });

  it("DEMO5 the committee's registry then imports where the demo was: counts are its own, and a reused id's history starts after the demo", async () => {
    const csv = "楼栋,室号,人数,联系人,电话\n1号楼,101,3,王小明,13800000001\n1号楼,102,2,李四,13800000002\n";
    const r = await importFile(s, "community=default&kind=households", csv);
    expect(r.status).toBe(201);
    const snap = await s.snapshot();
    expect(snap.demo).toBe(false);
    expect(snap.counts).toMatchObject({ householdsTotal: 2, buildingsTotal: 1, volunteersTotal: 0, pendingRequests: 0 });
    // Ids the demo also used (b1, v1) start a fresh history.
    const v = await s.post({ type: "volunteer.registered", payload: { volunteerId: "v1", name: "赵六", phone: "13900000000" } });
    expect(v.status).toBe(201);
    const history = await (await s.api("/api/history?community=default&entity=volunteer&id=v1")).json();
    expect(history.events.map((e: { type: string }) => e.type)).toEqual(["volunteer.registered"]);
    expect(history.events[0].payload.name).toBe("赵六");
    // The day's report counts nothing of the demo.
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const report = await (await s.api(`/api/reports/daily?community=default&date=${day}`)).json();
    expect(JSON.stringify(report)).not.toMatch(/demo-r|sim-/);
    expect((await verifyProjections(s.app.handle.db)).differences).toEqual([]);
  });

  it("DEMO7 once the demo is cleared, registrations are taken and stay: each 201 is in the counts and the recount", async () => {
    const before = await s.snapshot();
    const r = await s.post({
      events: [
        { type: "building.registered", payload: { buildingId: "north-1", label: "北1号楼" } },
        { type: "household.registered", payload: { householdId: "n-101", buildingId: "north-1", unit: "101", residents: 2 } },
        { type: "volunteer.registered", payload: { volunteerId: "real-v1", name: "李四", skills: [] } },
      ],
    });
    expect(r.status).toBe(201);
    const after = await s.snapshot();
    expect(after.counts.buildingsTotal).toBe(before.counts.buildingsTotal + 1);
    expect(after.counts.householdsTotal).toBe(before.counts.householdsTotal + 1);
    expect(after.counts.volunteersTotal).toBe(before.counts.volunteersTotal + 1);
    expect((await verifyProjections(s.app.handle.db)).differences).toEqual([]);
  });
});
