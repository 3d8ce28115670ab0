// Why: a post registered as gate / 门岗 / Gate is one post wherever it is typed or picked, and the wall shows its names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WallView } from "../../server/protocol/wall";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { personalIn, personalRequest } from "../support/wall";

const ready = await engineReady();
const GATE = { post: "gate", nameZh: "门岗", nameEn: "Gate" };

describe.skipIf(!ready)(`POST: the compound's posts on ${ENGINE}`, () => {
  let s: TestServer;
  let display: string;
  let volunteer: string;
  beforeAll(async () => {
    s = await startTestServer();
    const extra = ["v3", "v4", "v5"].map((id) => ({ type: "volunteer.registered", payload: { volunteerId: id, name: `Helper ${id}` } }));
    expect((await s.post({ events: [...smallCompound(), ...extra, personalRequest("q1", "h1", true)] })).status).toBe(201);
    display = await s.mint("display", "office wall");
    volunteer = await s.mint("volunteer", "gate phone");
  });
  afterAll(() => s?.close());

  const ev = (type: string, payload: object) => ({ type, payload });
  const status = async (type: string, payload: object, token?: string) => (await s.post(ev(type, payload), token)).status;
  const wall = async (): Promise<WallView> => {
    const r = await s.api("/api/wall", { token: display });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(personalIn(text)).toEqual([]);
    return WallView.parse(JSON.parse(text));
  };
  const seq = async () => (await s.snapshot()).seq as number;

  it("POST1 the secretary registers a post with its names; volunteers and displays may not; a bad id or name is a 400", async () => {
    // A volunteer typed 门岗 before the post was registered: the wall will count it as the registered post.
    expect(await status("volunteer.checked_in", { volunteerId: "v5", post: "门岗" }, volunteer)).toBe(201);
    const before = await seq();
    expect(await status("post.registered", GATE, volunteer)).toBe(403);
    expect(await status("post.registered", GATE, display)).toBe(403);
    for (const bad of [
      { ...GATE, post: "门岗" },
      { ...GATE, post: "gate.1" },
      { ...GATE, nameZh: "" },
      { ...GATE, nameEn: "Gate!" },
      { post: "gate", nameZh: "门岗" },
      { ...GATE, extra: 1 },
    ])
      expect(await status("post.registered", bad), JSON.stringify(bad)).toBe(400);
    expect(await seq()).toBe(before);
    expect(await status("post.registered", GATE)).toBe(201);
    expect(await status("post.registered", { post: "testing", nameZh: "核酸采样", nameEn: " Testing " })).toBe(201);
    const v = await wall();
    expect(v.posts).toEqual([
      { post: "gate", nameZh: "门岗", nameEn: "Gate", onDuty: 1, minimum: null },
      { post: "testing", nameZh: "核酸采样", nameEn: "Testing", onDuty: 0, minimum: null },
    ]);
    const registry = await (await s.api("/api/registry", { token: volunteer })).json();
    expect(registry.posts).toEqual([
      { post: "gate", nameZh: "门岗", nameEn: "Gate" },
      { post: "testing", nameZh: "核酸采样", nameEn: "Testing" },
    ]);
  });

  it("POST2 an id already registered, or a name another post goes by, is a 409 that changes nothing", async () => {
    const before = await seq();
    const taken = [
      { post: "gate", nameZh: "大门", nameEn: "Main gate" },
      { post: "GATE", nameZh: "大门", nameEn: "Main gate" },
      { post: "lobby", nameZh: "门岗", nameEn: "Lobby" },
      { post: "lobby", nameZh: "大堂", nameEn: "gate" },
      { post: "lobby", nameZh: "大堂", nameEn: "TESTING" },
    ];
    for (const payload of taken) {
      const r = await s.post(ev("post.registered", payload));
      expect(r.status, JSON.stringify(payload)).toBe(409);
      expect(r.body.error.code).toBe("conflict");
    }
    const dup = await s.post(ev("post.registered", GATE));
    expect(dup.body.error.message).toMatch(/post gate is already registered/);
    expect(await seq()).toBe(before);
    expect((await wall()).posts.map((p) => p.post)).toEqual(["gate", "testing"]);
  });

  it("POST3 门岗, gate and Gate name one post for minimums and check-ins; the feed records its id; free text stays free", async () => {
    expect(await status("post.minimum_set", { post: "门岗", minimum: 3 })).toBe(201);
    expect((await wall()).posts.find((p) => p.post === "gate")?.minimum).toBe(3);
    expect(await status("post.minimum_set", { post: "Gate", minimum: 4 })).toBe(201);
    expect(await status("post.minimum_set", { post: "GATE ", minimum: 5 })).toBe(201);
    expect(await status("volunteer.checked_in", { volunteerId: "v1", post: "门岗" }, volunteer)).toBe(201);
    expect(await status("volunteer.checked_in", { volunteerId: "v2", post: "Gate" }, volunteer)).toBe(201);
    expect(await status("volunteer.checked_in", { volunteerId: "v3", post: "gate" })).toBe(201);
    expect(await status("volunteer.checked_in", { volunteerId: "v4", post: "Lobby" })).toBe(201);
    const v = await wall();
    expect(v.posts).toEqual([
      { post: "gate", nameZh: "门岗", nameEn: "Gate", onDuty: 4, minimum: 5 },
      { post: "testing", nameZh: "核酸采样", nameEn: "Testing", onDuty: 0, minimum: null },
      { post: "Lobby", onDuty: 1, minimum: null },
    ]);
    expect(v.counts.volunteersOnDuty).toBe(5);
    const feed = await (await s.api("/api/events?after=0&limit=1000")).json();
    const posted = feed.events
      .filter((e: { type: string }) => e.type === "volunteer.checked_in" || e.type === "post.minimum_set")
      .map((e: { payload: { post: string } }) => e.payload.post);
    // The first check-in came before the post was registered: it keeps what was typed.
    expect(posted).toEqual(["门岗", "gate", "gate", "gate", "gate", "gate", "gate", "Lobby"]);
    const registry = await (await s.api("/api/registry")).json();
    const onDuty = Object.fromEntries(registry.volunteers.map((x: { volunteerId: string; post: string }) => [x.volunteerId, x.post]));
    expect(onDuty).toMatchObject({ v1: "gate", v2: "gate", v3: "gate", v4: "Lobby", v5: "门岗" });
  });

  it("POST4 the wall view carries both names of each post and no personal data", async () => {
    const v = await wall();
    const gate = v.posts.find((p) => p.post === "gate");
    expect(gate).toMatchObject({ nameZh: "门岗", nameEn: "Gate" });
    expect(WallView.safeParse({ ...v, posts: [{ ...gate, phone: "13800138000" }] }).success).toBe(false);
    expect(v.alerts.total).toBe(1);
  });
});
