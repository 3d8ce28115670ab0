// Why: the door-knocking list (GET /api/untested) against a real database on both engines: what it holds, its order, who may read it, and its plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildings, communityState, households, rounds, roundTests } from "../../drizzle/schema";
import { untestedQuery } from "../../server/queries/untested";
import { ENGINE, engineReady, freshDatabase } from "../support/db";
import { PERSONAL } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
type List = {
  round: { roundId: string } | null;
  buildings: { buildingId: string; label: string; households: { householdId: string; unit: string }[] }[];
};

/** Three buildings whose ids and labels sort wrongly as text (10号楼 before 2号楼, 1001 before 101), a contact, no round yet. */
function compound(community: string) {
  const e = (type: string, payload: object) => ({ type, community, payload });
  const h = (householdId: string, buildingId: string, unit: string, extra: object = {}) =>
    e("household.registered", { householdId, buildingId, unit, residents: 2, ...extra });
  return [
    e("building.registered", { buildingId: "b10", label: "10号楼" }),
    e("building.registered", { buildingId: "b2", label: "2号楼" }),
    e("building.registered", { buildingId: "b3", label: "3号楼" }),
    h("h1", "b2", "1001", { contact: { name: PERSONAL.name, phone: PERSONAL.phone } }),
    h("h2", "b2", "101"),
    h("h3", "b2", "201"),
    h("h4", "b10", "1001"),
    h("h5", "b10", "101"),
    h("h6", "b3", "101"),
    e("volunteer.registered", { volunteerId: "v1", name: "Li Na 李娜", skills: [] }),
  ];
}

describe.skipIf(!ready)(`KNOCK: the door-knocking list on ${ENGINE}`, () => {
  let s: TestServer;
  const C = "knock";
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: compound(C) })).status).toBe(201);
  });
  afterAll(() => s?.close());

  const list = async (query = "", token?: string): Promise<List> => {
    const r = await s.api(`/api/untested?community=${C}${query}`, { token });
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as List;
  };
  const post = async (type: string, payload: object, token?: string) => {
    const r = await s.post({ type, community: C, payload }, token);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  const ids = (l: List) => l.buildings.flatMap((b) => b.households.map((h) => h.householdId));
  /** What the list must hold: the registry's households minus those with household.tested in the round, read back from the feed. */
  const expected = async (roundId: string) => {
    const registry = (await (await s.api(`/api/registry?community=${C}`)).json()) as { households: { householdId: string }[] };
    const feed = (await (await s.api("/api/events?after=0&limit=1000")).json()) as {
      events: { type: string; community: string; payload: { roundId?: string; householdId?: string } }[];
    };
    const tested = new Set(
      feed.events
        .filter((e) => e.community === C && e.type === "household.tested" && e.payload.roundId === roundId)
        .map((e) => e.payload.householdId),
    );
    return registry.households.map((h) => h.householdId).filter((id) => !tested.has(id));
  };

  it("KNOCK3 no round open: round null and no buildings, before the first round and after it closes", async () => {
    expect(await list()).toEqual({ round: null, buildings: [] });
    const unknown = await s.api("/api/untested?community=nowhere");
    expect(await unknown.json()).toEqual({ round: null, buildings: [] });
  });

  it("KNOCK1–KNOCK2 the open round's households without household.tested, by building, in natural order", async () => {
    await post("round.opened", { roundId: "r1", kind: "pcr" });
    const all = await list();
    expect(all.round).toEqual({ roundId: "r1" });
    expect(all.buildings.map((b) => [b.label, b.households.map((h) => h.unit)])).toEqual([
      ["2号楼", ["101", "201", "1001"]],
      ["3号楼", ["101"]],
      ["10号楼", ["101", "1001"]],
    ]);
    expect(all.buildings[0]).toEqual({
      buildingId: "b2",
      label: "2号楼",
      households: [
        { householdId: "h2", unit: "101" },
        { householdId: "h3", unit: "201" },
        { householdId: "h1", unit: "1001" },
      ],
    });
    expect(JSON.stringify(all)).not.toContain(PERSONAL.name);
    expect(ids(all).sort()).toEqual((await expected("r1")).sort());

    await post("household.tested", { roundId: "r1", householdId: "h3" });
    await post("household.tested", { roundId: "r1", householdId: "h6" });
    await post("test.result", { roundId: "r1", householdId: "h6", result: "negative" });
    const after = await list();
    expect(ids(after).sort()).toEqual((await expected("r1")).sort());
    expect(ids(after)).toEqual(["h2", "h1", "h5", "h4"]);
    expect(after.buildings.map((b) => b.buildingId)).toEqual(["b2", "b10"]);
  });

  it("KNOCK4 a volunteer's tap leaves the list at once; &buildingId= narrows it; a new round brings every door back; communities are apart", async () => {
    const volunteer = await s.mint("volunteer", "volunteer", C);
    expect(ids(await list("&buildingId=b10", volunteer))).toEqual(["h5", "h4"]);
    await post("household.tested", { roundId: "r1", householdId: "h5" }, volunteer);
    expect(ids(await list("&buildingId=b10", volunteer))).toEqual(["h4"]);
    expect(ids(await list())).not.toContain("h5");
    expect(await list("&buildingId=b3")).toEqual({ round: { roundId: "r1" }, buildings: [] });
    expect(await list("&buildingId=nope")).toEqual({ round: { roundId: "r1" }, buildings: [] });
    expect((await s.api(`/api/untested?community=${C}&buildingId=${encodeURIComponent("no spaces")}`)).status).toBe(400);

    const other = await s.post({
      events: [...compound("elsewhere"), { type: "round.opened", community: "elsewhere", payload: { roundId: "r1", kind: "pcr" } }],
    });
    expect(other.status).toBe(201);
    expect(ids((await (await s.api("/api/untested?community=elsewhere")).json()) as List)).toHaveLength(6);

    for (const h of ["h1", "h2", "h4"]) await post("household.tested", { roundId: "r1", householdId: h });
    expect(await list()).toEqual({ round: { roundId: "r1" }, buildings: [] });
    await post("round.closed", { roundId: "r1" });
    expect(await list()).toEqual({ round: null, buildings: [] });
    await post("round.opened", { roundId: "r2", kind: "antigen" });
    const fresh = await list();
    expect(fresh.round).toEqual({ roundId: "r2" });
    expect(ids(fresh)).toEqual(["h2", "h3", "h1", "h6", "h5", "h4"]);
  });

  it("KNOCK5 the secretary and volunteers read it; a display gets 403 and no personal data; no token is 401", async () => {
    expect((await s.api(`/api/untested?community=${C}`, { token: await s.mint("volunteer", "volunteer", C) })).status).toBe(200);
    const display = await s.api(`/api/untested?community=${C}`, { token: await s.mint("display", "display", C) });
    expect(display.status).toBe(403);
    const body = await display.text();
    expect(body).not.toContain("1001");
    expect(body).not.toContain(PERSONAL.name);
    expect((await s.api(`/api/untested?community=${C}`, { token: null })).status).toBe(401);
    expect((await s.api(`/api/untested?community=${C}`, { token: "not-a-token" })).status).toBe(401);
  });
});

describe.skipIf(!ready)(`KNOCK: the door-knocking query's plan on ${ENGINE}`, () => {
  it("KNOCK6 at a compound's size, with many rounds behind it, the list reads only the open round's tests, through round_tests' primary key", async () => {
    const h = await freshDatabase();
    try {
      const C = "default";
      const B = 41;
      const H = 1383;
      const ROUNDS = 10;
      await h.db
        .insert(buildings)
        .values(Array.from({ length: B }, (_, i) => ({ community: C, buildingId: `b${i + 1}`, label: `${i + 1}号楼` })));
      await h.db.insert(households).values(
        Array.from({ length: H }, (_, i) => ({
          community: C,
          householdId: `h${i + 1}`,
          buildingId: `b${(i % B) + 1}`,
          unit: `${Math.floor(i / B) + 1}01`,
          residents: 2,
        })),
      );
      for (let r = 1; r <= ROUNDS; r++) {
        const open = r === ROUNDS;
        await h.db
          .insert(rounds)
          .values({ community: C, roundId: `r${r}`, kind: "pcr", openedAt: new Date(), closedAt: open ? null : new Date() });
        const n = open ? 700 : H;
        for (let i = 0; i < n; i += 500)
          await h.db.insert(roundTests).values(
            Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
              community: C,
              roundId: `r${r}`,
              householdId: `h${i + j + 1}`,
              testedAt: new Date(),
            })),
          );
      }
      await h.db.insert(communityState).values({ community: C, currentRoundId: `r${ROUNDS}` });
      const q = untestedQuery(h.db, C).toSQL();
      const run = async (text: string, params: unknown[] = []) =>
        (h.pglite ? (await h.pglite.query(text, params)).rows : await h.sql!.unsafe(text, params as string[])) as Record<string, string>[];
      await run("analyze");
      const plan = (await run(`explain ${q.sql}`, q.params)).map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan, plan).toMatch(/round_tests_community_round_id_household_id_pk/);
      expect(plan, plan).not.toMatch(/Seq Scan on round_tests/);
      const rows = (await untestedQuery(h.db, C)).filter((r) => r.householdId);
      expect(rows).toHaveLength(H - 700);
    } finally {
      await h.dispose();
    }
  });
});
