// Why: the secretary works the queue top down, so its order and what a decided request says are rules of their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { hoursBefore, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`QUEUE: order and decisions in GET /api/requests on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  const post = async (type: string, payload: object, occurredAt?: string) =>
    expect((await s.post({ type, payload, ...(occurredAt ? { occurredAt } : {}) })).status, `${type} ${JSON.stringify(payload)}`).toBe(201);
  const queue = async (token?: string) => {
    const r = await s.api("/api/requests", { token });
    expect(r.status).toBe(200);
    return ((await r.json()) as { requests: any[] }).requests;
  };
  const ids = async () => (await queue()).map((r) => r.requestId);

  it("QUEUE3 urgent requests come first, then the longest waiting; equal waits by id; a decision does not move a request", async () => {
    // Posted out of order on purpose: neither the feed's order nor the ids may decide the list.
    const base = new Date();
    const ago = (h: number) => hoursBefore(h, base);
    await post("request.opened", { requestId: "o-late", householdId: "h1", kind: "supplies" }, ago(1));
    await post("request.opened", { requestId: "u-new", householdId: "h2", kind: "medical", urgent: true }, ago(0.5));
    await post("request.opened", { requestId: "o-old-c", householdId: "h2", kind: "other" }, ago(5));
    await post("request.opened", { requestId: "u-old", householdId: "h3", kind: "medicine", urgent: true }, ago(2));
    await post("request.opened", { requestId: "o-oldest", householdId: "h3", kind: "leave" }, ago(5.5));
    await post("request.opened", { requestId: "o-old-a", householdId: "h1", kind: "other" }, ago(5));
    await post("request.opened", { requestId: "o-mid", householdId: "h2", kind: "leave" }, ago(3));
    expect(await ids()).toEqual(["u-old", "u-new", "o-oldest", "o-old-a", "o-old-c", "o-mid", "o-late"]);
    // Approving keeps the place: the urgent medicine request (override) stays first until fulfilled.
    await post("request.approved", { requestId: "u-old", override: { reason: "pharmacy run already arranged" } });
    expect((await ids())[0]).toBe("u-old");
    await post("request.fulfilled", { requestId: "u-old" });
    expect((await ids())[0]).toBe("u-new");
    // A volunteer reads the same order.
    const volunteer = await s.mint("volunteer");
    expect((await queue(volunteer)).map((r) => r.requestId)).toEqual(await ids());
  });

  it("QUEUE4 an approved request carries its decision (basis, override reason, when, note) instead of the verdict", async () => {
    // Documents: a leave with a letter and a fresh report.
    await post("request.opened", { requestId: "d-leave", householdId: "h1", kind: "leave" });
    await post("request.document_added", { requestId: "d-leave", document: "commitment_letter" });
    await post("request.document_added", { requestId: "d-leave", document: "test_report", testedAt: hoursBefore(2) });
    await post("request.approved", { requestId: "d-leave", note: "back by 18:00" });
    // Override: a leave without documents.
    await post("request.opened", { requestId: "d-over", householdId: "h2", kind: "leave" });
    await post("request.approved", { requestId: "d-over", override: { reason: "dialysis appointment, hospital letter seen" } });
    // Urgent medical: at once; an override reason given anyway is not its basis.
    await post("request.opened", { requestId: "d-urgent", householdId: "h3", kind: "medical", urgent: true });
    await post("request.approved", { requestId: "d-urgent", override: { reason: "not needed" } });
    // Still pending: keeps the verdict.
    await post("request.opened", { requestId: "d-pending", householdId: "h3", kind: "leave" });

    const feed = (await (await s.api("/api/events?after=0&limit=1000")).json()) as {
      events: { type: string; occurredAt: string; payload: { requestId?: string } }[];
    };
    const approvedAt = (id: string) =>
      new Date(feed.events.find((e) => e.type === "request.approved" && e.payload.requestId === id)!.occurredAt).toISOString();
    const list = await queue();
    const get = (id: string) => list.find((r) => r.requestId === id);

    expect(get("d-leave")).toMatchObject({ status: "approved", documents: { commitmentLetter: true } });
    expect(get("d-leave").decision).toEqual({
      basis: "documents",
      overrideReason: null,
      decidedAt: approvedAt("d-leave"),
      note: "back by 18:00",
    });
    expect(get("d-over").decision).toEqual({
      basis: "override",
      overrideReason: "dialysis appointment, hospital letter seen",
      decidedAt: approvedAt("d-over"),
      note: null,
    });
    expect(get("d-urgent").decision).toEqual({
      basis: "urgent_medical",
      overrideReason: null,
      decidedAt: approvedAt("d-urgent"),
      note: null,
    });
    for (const id of ["d-leave", "d-over", "d-urgent"]) expect(get(id), id).not.toHaveProperty("release");
    expect(get("d-pending")).not.toHaveProperty("decision");
    expect(get("d-pending").release).toMatchObject({ ok: false, missing: ["a signed commitment letter", "a test report"] });
  });
});
