// Why: GET /api/history against a real database on both engines: exactly the events about an entity, oldest first, who may read it, and its plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HISTORY_ENTITIES } from "../../server/protocol/history";
import { historyQuery } from "../../server/queries/history";
import { ENGINE, engineReady, freshDatabase } from "../support/db";
import { fillLongFeed, planOf } from "../support/long-feed";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
const C = "hist";
type Ev = { seq: number; id: string; type: string; community: string; occurredAt: string; recordedAt: string; actor: string; payload: any };

describe.skipIf(!ready)(`HIST: an entity's history on ${ENGINE}`, () => {
  let s: TestServer;
  let volunteerToken = "";
  let feed: Ev[] = [];
  const e = (type: string, payload: object) => ({ type, community: C, payload });
  const post = async (events: object[], token?: string) => {
    const r = await s.post({ events }, token);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  const history = async (entity: string, id: string, community = C) => {
    const r = await s.api(`/api/history?community=${community}&entity=${entity}&id=${id}`);
    expect(r.status, await r.clone().text()).toBe(200);
    return ((await r.json()) as { events: Ev[] }).events;
  };

  beforeAll(async () => {
    s = await startTestServer();
    // The same ids in another community must never show.
    await post([e("building.registered", { buildingId: "b1", label: "Elsewhere" })].map((x) => ({ ...x, community: "other" })));
    await post([
      e("building.registered", { buildingId: "b1", label: "1号楼" }),
      e("household.registered", {
        householdId: "h1",
        buildingId: "b1",
        unit: "101",
        residents: 3,
        contact: { name: "张伟", phone: "13800138000" },
      }),
      e("household.registered", { householdId: "h2", buildingId: "b1", unit: "102", residents: 2 }),
      e("volunteer.registered", { volunteerId: "v1", name: "Li Na 李娜", skills: [] }),
      e("round.opened", { roundId: "r1", kind: "pcr" }),
    ]);
    volunteerToken = await s.mint("volunteer", "Door team 3", C);
    await post(
      [
        e("household.tested", { roundId: "r1", householdId: "h1", residentsTested: 3 }),
        e("household.tested", { roundId: "r1", householdId: "h2" }),
        e("request.opened", { requestId: "q1", householdId: "h1", kind: "leave", person: "张伟" }),
        e("request.document_added", { requestId: "q1", document: "commitment_letter" }),
        e("request.document_added", { requestId: "q1", document: "test_report", testedAt: new Date(Date.now() - 3_600_000).toISOString() }),
        e("request.opened", { requestId: "q2", householdId: "h2", kind: "supplies" }),
      ],
      volunteerToken,
    );
    await post([
      e("test.result", { roundId: "r1", householdId: "h1", result: "negative" }),
      e("request.approved", { requestId: "q1" }),
      e("building.sealed", { buildingId: "b1", reason: "positive case next door" }),
      e("volunteer.checked_in", { volunteerId: "v1", post: "gate" }),
      e("volunteer.checked_out", { volunteerId: "v1" }),
      e("household.updated", { householdId: "h1", buildingId: "b1", unit: "101", residents: 4 }),
      e("building.unsealed", { buildingId: "b1" }),
      e("request.fulfilled", { requestId: "q1" }),
    ]);
    feed = ((await (await s.api("/api/events?after=0&limit=1000")).json()) as { events: Ev[] }).events;
  });
  afterAll(() => s?.close());

  /** The feed's own events of this community whose payload names `id` under `key`, for comparison item by item. */
  const fromFeed = (key: string, id: string) => feed.filter((x) => x.community === C && x.payload[key] === id);

  it("HIST1 a request's history: opened, its documents, the decision and the fulfilment, oldest first, each as GET /api/events has it", async () => {
    const h = await history("request", "q1");
    expect(h.map((x) => x.type)).toEqual([
      "request.opened",
      "request.document_added",
      "request.document_added",
      "request.approved",
      "request.fulfilled",
    ]);
    expect(h).toEqual(fromFeed("requestId", "q1"));
    expect(h[0]).toMatchObject({ community: C, actor: "Door team 3", payload: { requestId: "q1", householdId: "h1", kind: "leave" } });
    expect(h[3]?.actor).toBe("ADMIN_TOKEN");
    expect(h.map((x) => x.seq)).toEqual([...h.map((x) => x.seq)].sort((a, b) => a - b));
  });

  it("HIST2 a household's history: registration, test, result, the requests opened for it and its update; nothing of its neighbour's", async () => {
    const h = await history("household", "h1");
    expect(h.map((x) => x.type)).toEqual([
      "household.registered",
      "household.tested",
      "request.opened",
      "test.result",
      "household.updated",
    ]);
    expect(h).toEqual(fromFeed("householdId", "h1"));
    expect(h.some((x) => x.payload.requestId === "q2")).toBe(false);
  });

  it("HIST3 a building's history: registration, the households registered in it, seal and unseal; another community's b1 is apart", async () => {
    const h = await history("building", "b1");
    expect(h.map((x) => `${x.type}${x.payload.householdId ? `:${x.payload.householdId}` : ""}`)).toEqual([
      "building.registered",
      "household.registered:h1",
      "household.registered:h2",
      "building.sealed",
      "household.updated:h1",
      "building.unsealed",
    ]);
    expect(h).toEqual(fromFeed("buildingId", "b1"));
    const other = await history("building", "b1", "other");
    expect(other.map((x) => x.payload.label)).toEqual(["Elsewhere"]);
  });

  it("HIST4 a volunteer's history: registration, check-in and check-out; an unknown id has an empty history", async () => {
    expect((await history("volunteer", "v1")).map((x) => x.type)).toEqual([
      "volunteer.registered",
      "volunteer.checked_in",
      "volunteer.checked_out",
    ]);
    expect(await history("volunteer", "v404")).toEqual([]);
  });

  it("FIX12 beside the events, the compound's rounds by the label typed and whether each is open (another compound's apart)", async () => {
    await post([e("round.closed", { roundId: "r1" }), e("round.opened", { roundId: "r2", kind: "antigen", label: "第二轮抗原" })]);
    const r = await s.api(`/api/history?community=${C}&entity=household&id=h1`);
    const body = (await r.json()) as { rounds: { roundId: string; label: string | null; open: boolean }[] };
    expect(body.rounds).toEqual([
      { roundId: "r1", label: null, open: false },
      { roundId: "r2", label: "第二轮抗原", open: true },
    ]);
    const other = (await (await s.api("/api/history?community=other&entity=building&id=b1")).json()) as { rounds: unknown[] };
    expect(other.rounds).toEqual([]);
  });

  it("HIST5 the secretary's only: 401 without a token, 403 for a volunteer or display; a bad entity or id is a 400 naming it", async () => {
    const path = `/api/history?community=${C}&entity=household&id=h1`;
    expect((await s.api(path, { token: null })).status).toBe(401);
    expect((await s.api(path, { token: volunteerToken })).status).toBe(403);
    expect((await s.api(path, { token: await s.mint("display", "display", C) })).status).toBe(403);
    for (const [query, field] of [
      ["entity=round&id=r1", "entity"],
      ["entity=household", "id"],
      ["entity=household&id=h%201", "id"],
      ["id=h1", "entity"],
    ] as const) {
      const r = await s.api(`/api/history?community=${C}&${query}`);
      expect(r.status, query).toBe(400);
      const body = (await r.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(body.error.code).toBe("validation");
      expect(body.error.issues.map((i) => i.path)).toContain(field);
    }
  });
});

describe.skipIf(!ready)(`HIST: the history query's plan on ${ENGINE}`, () => {
  it("HIST6 over 50,000 events each entity's history is read through its own partial index, never by scanning the feed", async () => {
    const h = await freshDatabase();
    try {
      await fillLongFeed(h, 50_000);
      const ids = { request: "q4000", household: "h700", building: "b7", volunteer: "v42" } as const;
      for (const entity of HISTORY_ENTITIES) {
        const plan = await planOf(h, historyQuery(h.db, "default", entity, ids[entity]).toSQL());
        expect(plan, plan).toMatch(
          new RegExp(`Index Scan using events_${entity}_history on events|Bitmap Index Scan on events_${entity}_history`),
        );
        expect(plan, plan).not.toMatch(/Seq Scan on events/);
        const rows = await historyQuery(h.db, "default", entity, ids[entity]);
        expect(rows.length, entity).toBeGreaterThan(0);
        expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
      }
    } finally {
      await h.dispose();
    }
  });
});
