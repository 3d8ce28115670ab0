// I18N3–I18N8: every family of refusal carries a stable reason and its parameters beside the English message, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REASONS } from "../../server/protocol/reasons";
import { ENGINE, engineReady } from "../support/db";
import { hoursBefore, smallCompound } from "../support/fixtures";
import { rawRequest, signInCookie } from "../support/raw-http";
import { importFile } from "../support/registry-files";
import { ADMIN, startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();
const ev = (type: string, payload: object) => ({ type, payload });

describe.skipIf(!ready)(`I18N: reasons and parameters on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  /** Posts `body`, expects `status`, and answers the error with its reason checked to be one of the protocol's. */
  const refused = async (body: unknown, status: number, token = ADMIN) => {
    const r = await s.post(body, token);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(REASONS).toContain(r.body.error.reason);
    expect(typeof r.body.error.message).toBe("string");
    return r.body.error;
  };

  it("I18N3 a 409 of each rule family names its reason and parameters; the English message is kept; the issue carries them too", async () => {
    const cases: [unknown, string, object][] = [
      [
        ev("household.registered", { householdId: "h9", buildingId: "b9", unit: "1", residents: 1 }),
        "building_unknown",
        { buildingId: "b9" },
      ],
      [ev("building.registered", { buildingId: "b1", label: "again" }), "building_already_registered", { buildingId: "b1" }],
      [ev("round.opened", { roundId: "r2", kind: "pcr" }), "round_still_open", { roundId: "r1" }],
      [ev("building.unsealed", { buildingId: "b2" }), "building_not_sealed", { buildingId: "b2" }],
      [ev("volunteer.checked_out", { volunteerId: "v2" }), "volunteer_not_on_duty", { volunteerId: "v2" }],
      [
        ev("test.result", { roundId: "r1", householdId: "h3", result: "negative" }),
        "household_not_tested",
        { householdId: "h3", roundId: "r1" },
      ],
      [ev("alert.acknowledged", { alertId: 999 }), "alert_unknown", { alertId: 999 }],
    ];
    for (const [body, reason, params] of cases) {
      const e = await refused(body, 409);
      expect(e).toMatchObject({ code: "conflict", reason, params });
      expect(e.issues[0]).toMatchObject({ reason, params, message: e.message });
    }
    expect((await s.post(ev("volunteer.checked_in", { volunteerId: "v1", post: "gate" }))).status).toBe(201);
    const duty = await refused(ev("volunteer.checked_in", { volunteerId: "v1", post: "gate" }), 409);
    expect(duty).toMatchObject({ reason: "volunteer_already_on_duty", params: { volunteerId: "v1" } });
    expect(duty.message).toBe("volunteer v1 is already on duty; check them out first");

    expect((await s.post(ev("request.opened", { requestId: "c1", householdId: "h2", kind: "supplies" }))).status).toBe(201);
    expect((await s.post(ev("request.cancelled", { requestId: "c1" }))).status).toBe(201);
    const twice = await refused(ev("request.cancelled", { requestId: "c1" }), 409);
    expect(twice).toMatchObject({ reason: "request_not_pending", params: { requestId: "c1", status: "cancelled", action: "cancelled" } });

    expect((await s.post(ev("post.registered", { post: "gate", nameZh: "门岗", nameEn: "Gate" }))).status).toBe(201);
    const taken = await refused(ev("post.registered", { post: "gate2", nameZh: "门岗", nameEn: "Gate 2" }), 409);
    expect(taken).toMatchObject({ reason: "post_name_taken", params: { post: "gate", nameZh: "门岗", nameEn: "Gate" } });
  });

  it("I18N4 the release rule's refusal and GET /api/requests name what is missing as reasons with parameters (hours)", async () => {
    const open = [
      ev("request.opened", { requestId: "L1", householdId: "h1", kind: "leave" }),
      ev("request.document_added", { requestId: "L1", document: "test_report", testedAt: hoursBefore(53.5) }),
    ];
    expect((await s.post({ events: open })).status).toBe(201);
    const e = await refused(ev("request.approved", { requestId: "L1" }), 409);
    expect(e.reason).toBe("release_needs_documents");
    expect(e.params).toMatchObject({ requestId: "L1", kind: "leave", urgent: false });
    expect(e.params.missing).toEqual([
      { reason: "need_commitment_letter", params: {} },
      { reason: "need_recent_test_report", params: { hours: 53 } },
    ]);
    expect(e.message).toMatch(/release rule: this leave request needs a signed commitment letter and a test report from the last 48 hours/);
    const list = (await (await s.api("/api/requests")).json()) as { requests: any[] };
    const l1 = list.requests.find((r) => r.requestId === "L1");
    expect(l1.release.missing).toHaveLength(2);
    expect(l1.release.missingReasons).toEqual(e.params.missing);
  });

  it("I18N5 a validation 400 carries the first issue's reason; each issue its own (zod's codes mapped; the body's own checks too)", async () => {
    const small = await refused(ev("household.registered", { householdId: "h7", buildingId: "b1", unit: "7", residents: -1 }), 400);
    expect(small).toMatchObject({ code: "validation", reason: "too_small", params: { path: "payload.residents", minimum: 0 } });
    const many = await refused(ev("household.registered", { householdId: "bad id", buildingId: "b1", unit: "", extra: 1 }), 400);
    expect(many.issues.map((i: { reason: string }) => i.reason)).toEqual(["not_an_id", "empty_text", "required", "unknown_field"]);
    const date = await refused(ev("request.document_added", { requestId: "L1", document: "test_report", testedAt: "yesterday" }), 400);
    expect(date).toMatchObject({ reason: "bad_date", params: { path: "payload.testedAt" } });
    const nul = await refused(ev("building.registered", { buildingId: "n1", label: "a\u0000b" }), 400);
    expect(nul).toMatchObject({ reason: "nul_character", params: { path: "payload.label" } });
    const batch = await refused({ events: Array.from({ length: 1001 }, () => ({})) }, 400);
    expect(batch).toMatchObject({ reason: "batch_too_large", params: { max: 1000 } });
    const text = await s.api("/api/events", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(await text.json()).toMatchObject({ error: { code: "bad_request", reason: "body_not_json", params: {} } });
  });

  it("I18N6 401, 403 (role and cookie origin) and 429 carry their reasons", async () => {
    const none = await s.api("/api/snapshot", { token: null });
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatchObject({ reason: "no_token", params: {} });
    const display = await s.mint("display");
    const role = await refused(ev("building.registered", { buildingId: "x1", label: "x" }), 403, display);
    expect(role).toMatchObject({ reason: "role_forbidden", params: { role: "display", method: "POST", path: "/api/events" } });
    const cookie = await signInCookie(s.url, ADMIN);
    const cross = await rawRequest(s.url, {
      method: "POST",
      path: "/api/events",
      headers: { cookie, origin: "http://elsewhere.example", "content-type": "application/json" },
      body: JSON.stringify(ev("building.registered", { buildingId: "x2", label: "x" })),
    });
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.text).error).toMatchObject({ reason: "cookie_wrong_origin", params: { origin: "http://elsewhere.example" } });

    const tight = await startTestServer({ RATE_LIMIT: "2" });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => tight.api("/api/snapshot")));
      const limited = await waitFor(() => answers.find((r) => r.status === 429), "a 429 among the answers", 1);
      expect((await limited.json()).error).toMatchObject({ code: "rate_limited", reason: "too_many_requests", params: { limit: 2 } });
    } finally {
      await tight.close();
    }
  });

  it("I18N7 a bad import row carries its reason and parameters in the summary and in the error's issues", async () => {
    const csv = "楼栋,室号,人数\n9号楼,901,abc\n9号楼,902,2\n";
    const r = await importFile(s, "community=imp&kind=households&dryRun=1", csv);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ reason: "import_bad_rows", params: { count: 1, lines: "2" } });
    const row = { line: 2, reason: "residents_out_of_range", params: { column: '"人数"', value: "abc" } };
    expect(r.body.error.summary.errors).toMatchObject([row]);
    expect(r.body.error.issues[0]).toMatchObject({ path: "line 2", reason: row.reason, params: row.params });
    const header = await importFile(s, "community=imp&kind=households&dryRun=1", "名字,电话\n张三,1\n");
    expect(header.body.error).toMatchObject({
      reason: "header_not_found",
      params: { kind: "households", seen: "[1] 名字 | 电话; [2] 张三 | 1" },
    });
    const missing = await importFile(s, "community=imp&kind=households&dryRun=1", "楼栋,室号\n1号楼,101\n");
    expect(missing.body.error).toMatchObject({ reason: "header_missing_columns", params: { kind: "households", fields: "residents" } });
  });

  it("I18N8 a socket `problem` and a refused handshake carry their reason and parameters", async () => {
    // The operator reaches every compound, so an unknown one is not_found; a compound's display is refused another's.
    const socket = connect(s.url, { token: ADMIN });
    await connected(socket);
    const answer = await socket.emitWithAck("subscribe", { community: "nowhere-at-all" });
    expect(answer.ok).toBe(false);
    const problem = await waitFor(() => socket.received.find((m) => m.event === "problem")?.data, "a problem event");
    expect(problem).toMatchObject({ code: "not_found", reason: "community_unknown", params: { community: "nowhere-at-all" } });
    socket.close();
    const display = connect(s.url, { token: await s.mint("display") });
    await connected(display);
    expect((await display.emitWithAck("subscribe", { community: "nowhere-at-all" })).ok).toBe(false);
    const forbidden = await waitFor(() => display.received.find((m) => m.event === "problem")?.data, "a problem event");
    expect(forbidden).toMatchObject({ code: "forbidden", reason: "community_forbidden", params: { community: "nowhere-at-all" } });
    display.close();
    const bad = connect(s.url, { token: "not-a-token" });
    const err = (await connected(bad).catch((e: unknown) => e)) as Error & { data?: unknown };
    expect(err.message).toMatch(/^unauthorized/);
    expect(err.data).toMatchObject({ code: "unauthorized", reason: "no_token" });
    bad.close();
  });
});
