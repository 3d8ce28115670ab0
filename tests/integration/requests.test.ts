import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { hoursBefore, PERSONAL, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`QUEUE: the secretary's request queue on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  const queue = async (token?: string) => {
    const r = await s.api("/api/requests", { token });
    return { status: r.status, body: (await r.json()) as { requests: any[] } };
  };

  it("QUEUE1 open requests come with person, note, documents and the release rule's verdict; decided ones leave", async () => {
    const post = (type: string, payload: object) => s.post({ type, payload });
    expect(
      (await post("request.opened", { requestId: "nurse", householdId: "h1", kind: "leave", person: PERSONAL.name, note: PERSONAL.note }))
        .status,
    ).toBe(201);
    expect((await post("request.opened", { requestId: "labour", householdId: "h3", kind: "medical", urgent: true })).status).toBe(201);
    let list = (await queue()).body.requests;
    // Urgent first (QUEUE3): the later urgent request heads the list.
    expect(list.map((r) => r.requestId)).toEqual(["labour", "nurse"]);
    expect(list[1]).toMatchObject({
      building: "Building 1",
      unit: "101",
      person: PERSONAL.name,
      note: PERSONAL.note,
      status: "pending",
      documents: { commitmentLetter: false, testReportAt: null },
      release: { ok: false, missing: ["a signed commitment letter", "a test report"] },
    });
    expect(list[0].release).toEqual({ ok: true, basis: "urgent_medical" });

    expect((await post("request.document_added", { requestId: "nurse", document: "commitment_letter" })).status).toBe(201);
    expect((await post("request.document_added", { requestId: "nurse", document: "test_report", testedAt: hoursBefore(3) })).status).toBe(
      201,
    );
    list = (await queue()).body.requests;
    expect(list[1].release).toEqual({ ok: true, basis: "documents" });
    expect((await post("request.rejected", { requestId: "labour", reason: "ambulance came" })).status).toBe(201);
    expect((await queue()).body.requests.map((r) => r.requestId)).toEqual(["nurse"]);
  });

  it("QUEUE2 volunteers read the queue; a display gets 403 and no personal data; a bad community is a 400 on every read", async () => {
    expect((await queue(await s.mint("volunteer"))).status).toBe(200);
    const refused = await s.api("/api/requests", { token: await s.mint("display") });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(PERSONAL.name);
    for (const path of ["/api/requests", "/api/registry", "/api/wall", "/api/snapshot"]) {
      const bad = await s.api(`${path}?community=${encodeURIComponent("no spaces")}`);
      expect(bad.status, path).toBe(400);
      expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("community");
    }
  });
});
