// Why: a household asks for itself (contract section 7): its own token, its own requests, at most three pending, nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { plainPng } from "../support/documents";
import { hoursBefore, PERSONAL, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();

describe.skipIf(!ready)(`RES: residents' own tokens on ${ENGINE}`, () => {
  let s: TestServer;
  const tok: Record<string, string> = {};
  const mint = (json: object) => s.api("/api/tokens", { method: "POST", json });
  const as = (token: string) => (type: string, payload: object, community?: string) =>
    s.post({ type, payload, ...(community ? { community } : {}) }, token);

  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: [...smallCompound(), ...smallCompound("other")] })).status).toBe(201);
    for (const h of ["h1", "h2", "h3"]) {
      const r = await mint({ role: "resident", householdId: h, community: "default", label: `door ${h}` });
      expect(r.status).toBe(201);
      const body = (await r.json()) as { token: string; role: string; householdId: string };
      expect(body).toMatchObject({ role: "resident", householdId: h, community: "default" });
      tok[h] = body.token;
    }
  });
  afterAll(() => s?.close());

  it("RES1 a resident token is minted for a registered household only: 409 unknown, 400 without householdId", async () => {
    const unknown = await mint({ role: "resident", householdId: "h99", community: "default" });
    expect([unknown.status, ((await unknown.json()) as { error: { reason: string } }).error.reason]).toEqual([409, "household_unknown"]);
    expect((await mint({ role: "resident", householdId: "h1", community: "nowhere" })).status).toBe(409);
    expect((await mint({ role: "resident", community: "default" })).status).toBe(400);
    expect((await mint({ role: "display", householdId: "h1" })).status).toBe(400);
  });

  it("RES2 a resident posts request.opened for its own household, document_added and cancelled for its own requests; anything else 403", async () => {
    const h1 = as(tok.h1 as string);
    expect((await h1("request.opened", { requestId: "r2-own", householdId: "h1", kind: "leave", person: PERSONAL.name })).status).toBe(201);
    expect((await h1("request.document_added", { requestId: "r2-own", document: "test_report", testedAt: hoursBefore(3) })).status).toBe(
      201,
    );
    expect(
      (await s.post({ type: "request.opened", payload: { requestId: "r2-theirs", householdId: "h2", kind: "supplies" } })).status,
    ).toBe(201);
    const refused = {
      otherHousehold: await h1("request.opened", { requestId: "r2-x", householdId: "h2", kind: "supplies" }),
      otherDocument: await h1("request.document_added", { requestId: "r2-theirs", document: "commitment_letter" }),
      otherCancel: await h1("request.cancelled", { requestId: "r2-theirs" }),
      approve: await h1("request.approved", { requestId: "r2-own", override: { reason: "self" } }),
      tested: await h1("household.tested", { roundId: "r1", householdId: "h1" }),
      otherCommunity: await h1("request.opened", { requestId: "r2-y", householdId: "h1", kind: "supplies" }, "other"),
    };
    const statuses = Object.fromEntries(Object.entries(refused).map(([k, r]) => [k, `${r.status} ${r.body.error?.reason}`]));
    expect(statuses).toEqual({
      otherHousehold: "403 resident_other_household",
      otherDocument: "403 resident_other_household",
      otherCancel: "403 resident_other_household",
      approve: "403 role_may_not_post",
      tested: "403 role_may_not_post",
      otherCommunity: "403 community_forbidden",
    });
    expect((await h1("request.cancelled", { requestId: "r2-own" })).status).toBe(201);
    const reads = ["/api/snapshot", "/api/requests", "/api/wall", "/api/registry", "/api/events", "/api/tokens", "/api/untested"];
    for (const path of reads) expect([path, (await s.api(path, { token: tok.h1 })).status]).toEqual([path, 403]);
    expect((await s.api("/api/session", { token: tok.h1 })).status).toBe(200);
  });

  it("RES3 a 4th pending request opened by a resident is 409 too_many_pending; a decision makes room again", async () => {
    const h3 = as(tok.h3 as string);
    for (const n of [1, 2, 3])
      expect((await h3("request.opened", { requestId: `r3-${n}`, householdId: "h3", kind: "supplies" })).status).toBe(201);
    const fourth = await h3("request.opened", { requestId: "r3-4", householdId: "h3", kind: "medicine" });
    expect([fourth.status, fourth.body.error.reason, fourth.body.error.params.max]).toEqual([409, "too_many_pending", 3]);
    // A batch is held to the same limit.
    const batch = await s.post(
      { events: [{ type: "request.opened", payload: { requestId: "r3-b", householdId: "h3", kind: "other" } }] },
      tok.h3,
    );
    expect(batch.status).toBe(409);
    // The secretary's own requests for the household are not limited.
    expect((await s.post({ type: "request.opened", payload: { requestId: "r3-desk", householdId: "h3", kind: "supplies" } })).status).toBe(
      201,
    );
    expect((await s.post({ type: "request.rejected", payload: { requestId: "r3-1", reason: "delivered by the building" } })).status).toBe(
      201,
    );
    expect((await s.post({ type: "request.rejected", payload: { requestId: "r3-desk", reason: "duplicate" } })).status).toBe(201);
    expect((await h3("request.opened", { requestId: "r3-4", householdId: "h3", kind: "medicine" })).status).toBe(201);
  });

  it("RES4 GET /api/my/requests: the household, its requests with documents (fileId) and decisions; other roles 403", async () => {
    const h2 = as(tok.h2 as string);
    const up = await s.api("/api/files?community=default", {
      method: "POST",
      body: (await plainPng([9, 9, 9])) as unknown as BodyInit,
      token: tok.h2,
    });
    expect(up.status).toBe(201);
    const { fileId } = (await up.json()) as { fileId: string };
    expect((await h2("request.opened", { requestId: "r4", householdId: "h2", kind: "leave", urgent: false, note: "work" })).status).toBe(
      201,
    );
    expect((await h2("request.document_added", { requestId: "r4", document: "commitment_letter", fileId })).status).toBe(201);
    expect(
      (await s.post({ type: "request.approved", payload: { requestId: "r4", override: { reason: "essential worker" } } })).status,
    ).toBe(201);
    const r = await s.api("/api/my/requests", { token: tok.h2 });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { household: object; requests: { requestId: string }[] };
    expect(body.household).toEqual({ householdId: "h2", building: "Building 1", unit: "102" });
    const mine = body.requests.find((q) => q.requestId === "r4");
    expect(mine).toMatchObject({
      kind: "leave",
      status: "approved",
      documents: [{ document: "commitment_letter", fileId, testedAt: null }],
      decision: { basis: "override", reason: "essential worker", note: null },
      pass: { state: "inside", returnBy: null, tripHours: 12 },
    });
    expect((mine as unknown as { pass: { code: string } }).pass.code).toMatch(/^[0-9]{7,}$/);
    expect(body.requests.map((q) => q.requestId)).not.toContain("r2-own");
    expect(body.requests.map((q) => q.requestId)).toContain("r2-theirs");
    for (const token of [undefined, tok.h2 && (await s.mint("volunteer")), await s.mint("display")])
      expect((await s.api("/api/my/requests", { token })).status).toBe(403);
  });

  it("RES6 minting a household's token again (a new door label) revokes the one before", async () => {
    const first = ((await (await mint({ role: "resident", householdId: "h1", community: "other" })).json()) as { token: string }).token;
    expect((await s.api("/api/my/requests", { token: first })).status).toBe(200);
    const second = ((await (await mint({ role: "resident", householdId: "h1", community: "other" })).json()) as { token: string }).token;
    await waitFor(async () => (await s.api("/api/my/requests", { token: first })).status === 401, "the old label's 401");
    expect((await s.api("/api/my/requests", { token: second })).status).toBe(200);
    // Another household's label, and the same household in another community, are untouched.
    expect((await s.api("/api/my/requests", { token: tok.h1 })).status).toBe(200);
  });

  it("RES5 a resident's socket may not subscribe to the community's room (its queue carries personal data)", async () => {
    const socket = connect(s.url, { token: tok.h1 });
    try {
      await connected(socket);
      const ack = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
        socket.emit("subscribe", { community: "default" }, (a: { ok: boolean; error?: string }) => resolve(a)),
      );
      expect(ack.ok).toBe(false);
      expect(socket.received.some((f) => f.event === "snapshot")).toBe(false);
    } finally {
      socket.close();
    }
  });
});
