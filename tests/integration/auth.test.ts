import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, mintToken, revokeToken, TokenResolver } from "../../server/auth/tokens";
import { maskName } from "../../server/domain/masking";
import { ENGINE, engineReady, freshDatabase } from "../support/db";
import { PERSONAL, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();

describe.skipIf(!ready)(`AUTH: roles and tokens on ${ENGINE}`, () => {
  let s: TestServer;
  let volunteer: string;
  let display: string;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
    volunteer = await s.mint("volunteer", "phone of Li Na");
    display = await s.mint("display", "office wall");
  });
  afterAll(() => s?.close());

  it("AUTH1 no token or a bad token is a 401 with a hint; the wrong role a 403", async () => {
    for (const token of [null, "not-a-token"]) {
      const r = await s.api("/api/snapshot", { token });
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/Bearer|sign-in/);
    }
    expect((await s.api("/api/snapshot", { token: display })).status).toBe(200);
    expect((await s.post({ type: "building.sealed", payload: { buildingId: "b1" } }, display)).status).toBe(403);
    expect((await s.api("/api/events?after=0", { token: volunteer })).status).toBe(403);
    expect((await s.api("/api/tokens", { method: "POST", json: { role: "secretary" }, token: volunteer })).status).toBe(403);
  });

  it("AUTH1b a volunteer records tests, shifts and requests, but may not decide, seal or register", async () => {
    const v = (type: string, payload: object) => s.post({ type, payload }, volunteer);
    expect((await v("household.tested", { roundId: "r1", householdId: "h1" })).status).toBe(201);
    expect((await v("volunteer.checked_in", { volunteerId: "v1", post: "gate" })).status).toBe(201);
    expect((await v("request.opened", { requestId: "q1", householdId: "h1", kind: "leave" })).status).toBe(201);
    expect((await v("request.document_added", { requestId: "q1", document: "commitment_letter" })).status).toBe(201);
    const refused = await v("request.approved", { requestId: "q1", override: { reason: "x" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/volunteer role may not post request\.approved/);
    expect((await v("building.sealed", { buildingId: "b1" })).status).toBe(403);
    expect((await v("building.registered", { buildingId: "b9", label: "x" })).status).toBe(403);
  });

  it("AUTH2 tokens are stored hashed and a revoked token stops working", async () => {
    const minted = await (await s.api("/api/tokens", { method: "POST", json: { role: "volunteer", label: "lost phone" } })).json();
    expect(minted).toMatchObject({ role: "volunteer", token: expect.any(String) });
    const rows = await s.app.handle.db.query.tokens.findMany();
    expect(rows.some((r) => r.hash === hashToken(minted.token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(minted.token);
    expect((await s.api("/api/snapshot", { token: minted.token })).status).toBe(200);
    expect((await s.api(`/api/tokens/${minted.id}`, { method: "DELETE" })).status).toBe(200);
    await waitFor(
      async () => (await s.api("/api/snapshot", { token: minted.token })).status === 401,
      "revocation to take effect",
      5000,
      200,
    );
    expect((await s.api("/api/tokens", { method: "POST", json: { role: "janitor" } })).status).toBe(400);
  });

  it("AUTH3 a sign-in link sets an HttpOnly cookie and redirects without the token; the cookie then works, but not from another origin", async () => {
    const r = await fetch(`${s.url}/wall?token=${display}&lang=zh-CN`, { redirect: "manual" });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/wall?lang=zh-CN");
    const cookie = r.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toContain(display);
    const pair = cookie.split(";")[0] ?? "";
    const session = await fetch(`${s.url}/api/session`, { headers: { cookie: pair } });
    expect(await session.json()).toEqual({ role: "display", label: "office wall", community: "default" });
    expect((await fetch(`${s.url}/wall?token=wrong`, { redirect: "manual" })).status).toBe(401);
    const socket = connect(s.url, { cookie: pair });
    await connected(socket);
    socket.close();
    const foreign = connect(s.url, { cookie: pair, origin: "http://elsewhere.example" });
    await expect(connected(foreign)).rejects.toThrow(/unauthorized/);
    foreign.close();
  });

  it("AUTH1c Socket.IO refuses a missing or bad token", async () => {
    for (const token of [undefined, "nope"]) {
      const socket = connect(s.url, { token });
      await expect(connected(socket)).rejects.toThrow(/unauthorized/);
      socket.close();
    }
  });

  it("AUTH5 the registry with contacts is readable by the secretary (whole) and volunteers (residents masked), and refused to a display", async () => {
    const r = await s.api("/api/registry", { token: volunteer });
    expect(r.status).toBe(200);
    const reg = (await r.json()) as {
      buildings: unknown[];
      households: { householdId: string; contact: { name: string } | null }[];
      volunteers: { name: string }[];
    };
    expect(reg.buildings).toHaveLength(2);
    // A volunteer sees residents' names and phones masked (v1.1); the secretary sees them whole.
    const contact = reg.households.find((h) => h.householdId === "h1")?.contact as { name: string; phone: string };
    expect(contact.name).toBe(maskName(PERSONAL.name));
    expect(contact.name).not.toBe(PERSONAL.name);
    expect(contact.phone).toMatch(/^\*+\d{4}$/);
    expect(JSON.stringify(reg)).not.toContain(PERSONAL.phone);
    expect(reg.volunteers.map((v) => v.name)).toContain("Li Na 李娜");
    const whole = (await (await s.api("/api/registry")).json()) as typeof reg;
    expect(whole.households.find((h) => h.householdId === "h1")?.contact).toEqual({ name: PERSONAL.name, phone: PERSONAL.phone });
    const refused = await s.api("/api/registry", { token: display });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(PERSONAL.name);
  });

  it("AUTH4 a display socket never receives a name, phone or note", async () => {
    const socket = connect(s.url, { token: display });
    await connected(socket);
    socket.emit("subscribe", { community: "default" });
    await waitFor(() => socket.latest(), "a snapshot");
    expect(
      (
        await s.post({
          type: "request.opened",
          payload: { requestId: "q2", householdId: "h1", kind: "medicine", note: PERSONAL.note, person: PERSONAL.name },
        })
      ).status,
    ).toBe(201);
    const head = (await s.snapshot()).seq;
    await waitFor(() => socket.latest()?.seq === head, "the counts after the request");
    const frames = JSON.stringify(socket.received);
    for (const secret of [PERSONAL.name, PERSONAL.phone, PERSONAL.note, "Li Na"]) expect(frames).not.toContain(secret);
    socket.close();
  });
  it("AUTH6 a volunteer's own token: what it posts is recorded as that volunteer, it checks only them in and out, and the phone can say who it is", async () => {
    const mint = (body: object) => s.api("/api/tokens", { method: "POST", json: body });
    expect((await mint({ role: "volunteer", label: "nobody", volunteerId: "v404" })).status).toBe(409);
    expect((await mint({ role: "display", label: "wall", volunteerId: "v1" })).status).toBe(400);
    expect((await s.post({ type: "volunteer.registered", payload: { volunteerId: "v9", name: "Zhao Min 赵敏" } })).status).toBe(201);
    const minted = await mint({ role: "volunteer", label: "Zhao Min's phone", volunteerId: "v9" });
    expect(minted.status).toBe(201);
    const own = ((await minted.json()) as { token: string }).token;

    const session = await (await s.api("/api/session", { token: own })).json();
    expect(session).toMatchObject({ role: "volunteer", volunteer: { volunteerId: "v9", community: "default", name: "Zhao Min 赵敏" } });

    const before = await s.snapshot();
    const other = await s.post({ type: "volunteer.checked_in", payload: { volunteerId: "v2", post: "gate" } }, own);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/checks only them in and out/);
    const elsewhere = await s.post({ type: "household.tested", community: "north", payload: { roundId: "r1", householdId: "h1" } }, own);
    expect(elsewhere.status).toBe(403);
    expect(await s.snapshot()).toEqual(before);

    const self = await s.post({ type: "volunteer.checked_in", payload: { volunteerId: "v9", post: "gate" } }, own);
    expect(self.status).toBe(201);
    const feed = await (await s.api(`/api/events?after=${self.body.accepted[0].seq - 1}&limit=1`)).json();
    expect(feed.events[0]).toMatchObject({ type: "volunteer.checked_in", actor: "volunteer:v9" });
    expect((await s.post({ type: "volunteer.checked_out", payload: { volunteerId: "v9" } }, own)).status).toBe(201);
  });
});

describe.skipIf(!ready)(`AUTH: the token resolver on ${ENGINE}`, () => {
  it("AUTH7 checks of one token at once share one read; a read on its way when the token is revoked does not keep it working", async () => {
    const handle = await freshDatabase();
    try {
      const { id, token } = await mintToken(handle.db, "display", "wall");
      const resolver = new TokenResolver(handle.db);
      const together = await Promise.all(Array.from({ length: 20 }, () => resolver.resolve(token)));
      expect(together[0]?.tokenId).toBe(id);
      expect(together.every((p) => p === together[0])).toBe(true);
      // A check that started before the revocation may still answer with the token, but leaves nothing cached.
      const second = new TokenResolver(handle.db);
      const inFlight = second.resolve(token);
      const revoked = revokeToken(handle.db, id);
      second.forget(new Set([id]));
      await inFlight;
      expect(await revoked).toBe(true);
      expect(await second.resolve(token)).toBeNull();
    } finally {
      await handle.dispose();
    }
  });
});
