// Why: a volunteer's phone follows the decisions on its building's requests and the ones it opened, masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { PERSONAL, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`OUTBOX15: what was decided, on the volunteer's phone, on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  const followed = async (token: string, building = "") => {
    const r = await s.api(`/api/requests/followed?building=${building}`, { token });
    return { status: r.status, body: (await r.json()) as { requests: any[] } };
  };

  it("OUTBOX15 GET /api/requests/followed: its building's requests and the ones this phone opened, with status and decision, masked for a volunteer", async () => {
    const phone = await s.mint("volunteer", "stairwell phone");
    const other = await s.mint("volunteer", "gate phone");
    // Opened by this phone in building 2; building 1's opened by someone else.
    const mine = await s.post({ type: "request.opened", payload: { requestId: "mine", householdId: "h3", kind: "leave" } }, phone);
    expect(mine.status).toBe(201);
    const note = `call ${PERSONAL.phone}`;
    const b1 = { requestId: "b1req", householdId: "h1", kind: "leave", person: PERSONAL.name };
    expect((await s.post({ type: "request.opened", payload: b1 }, other)).status).toBe(201);
    expect((await s.post({ type: "request.rejected", payload: { requestId: "b1req", reason: note } })).status).toBe(201);
    expect((await s.post({ type: "request.approved", payload: { requestId: "mine", override: { reason: "dialysis" } } })).status).toBe(201);

    const onlyMine = (await followed(phone)).body.requests;
    expect(onlyMine.map((r) => r.requestId)).toEqual(["mine"]);
    expect(onlyMine[0]).toMatchObject({ status: "approved", openedHere: true, decision: { basis: "override", reason: "dialysis" } });

    const withB1 = await followed(phone, "b1");
    expect(withB1.body.requests.map((r) => r.requestId).sort()).toEqual(["b1req", "mine"]);
    const rejected = withB1.body.requests.find((r) => r.requestId === "b1req");
    expect(rejected).toMatchObject({ status: "rejected", openedHere: false, building: "Building 1", unit: "101" });
    // Masked as everywhere a volunteer reads: the name and the phone number in the reason.
    expect(JSON.stringify(withB1.body)).not.toContain(PERSONAL.name);
    expect(JSON.stringify(withB1.body)).not.toContain(PERSONAL.phone);
    expect(rejected.decision.reason).toMatch(/^call \*+\d{4}$/);

    // The other phone sees building 1 and what it opened itself, not "mine".
    expect((await followed(other)).body.requests.map((r) => r.requestId)).toEqual(["b1req"]);
    // The secretary reads names whole; a display is refused; a bad building is a 400.
    const whole = (await s.api("/api/requests/followed?building=b1")).json() as Promise<{ requests: any[] }>;
    expect(JSON.stringify(await whole)).toContain(PERSONAL.name);
    expect((await s.api("/api/requests/followed", { token: await s.mint("display") })).status).toBe(403);
    expect((await followed(phone, "no%20spaces")).status).toBe(400);
  });
});
