// Why: the outbox's pure rules: what an answer means, the order of sending, when to try again, and how a refusal reads.
import { describe, expect, it } from "vitest";
import { OUTBOX } from "../../app/_i18n/outbox";
import { errorText } from "../../app/_i18n/reasons";
import {
  afterStop,
  applyOutcome,
  backoff,
  classify,
  classifyUpload,
  drain,
  eventBody,
  expired,
  nextOrder,
  type OutboxEntry,
  type Outcome,
} from "../../app/_live/outbox-core";
import { outboxNotice } from "../../app/console/outbox-notice";
import { summarize } from "../../app/console/outbox-summary";
import { newRequestNumber } from "../../app/console/request-number";

const entry = (id: string, order: number, state: OutboxEntry["state"] = "waiting"): OutboxEntry => ({
  id,
  order,
  madeAt: order,
  event: { type: "household.tested", occurredAt: new Date(order).toISOString(), payload: { roundId: "r1", householdId: id } },
  state,
  attempts: 0,
});

/** Runs drain against scripted answers, recording what was sent and what was saved. */
async function run(entries: OutboxEntry[], answers: Record<string, Outcome>) {
  const sent: string[] = [];
  const saved = new Map<string, OutboxEntry>();
  const result = await drain(
    entries,
    async (e) => {
      sent.push(e.id);
      return answers[e.id] ?? { kind: "sent", seq: sent.length, duplicate: false };
    },
    async (e) => {
      saved.set(e.id, e);
    },
    () => 42,
  );
  return { sent, saved, result };
}

describe("OUTBOX: the phone's outbox rules", () => {
  it("OUTBOX7 answers: 201 and a 200 duplicate are sent; 400/403/409/413 refused with the reason; 401 signed out; 429, 5xx tried again", () => {
    expect(classify(201, { accepted: [{ id: "a", seq: 7, duplicate: false }] })).toEqual({ kind: "sent", seq: 7, duplicate: false });
    expect(classify(200, { accepted: [{ id: "a", seq: 7, duplicate: true }] })).toEqual({ kind: "sent", seq: 7, duplicate: true });
    const conflict = { error: { code: "conflict", message: "volunteer v1 is already on duty; check them out first" } };
    expect(classify(409, conflict)).toEqual({ kind: "refused", refusal: { status: 409, ...conflict.error } });
    for (const s of [400, 403, 413]) expect(classify(s, null).kind).toBe("refused");
    expect(classify(401, null)).toMatchObject({ kind: "signed_out", revoked: false });
    for (const s of [408, 429, 500, 503]) expect(classify(s, { error: { message: "later" } })).toEqual({ kind: "retry", reason: "later" });
  });

  it("OUTBOX8 sends in the order made, not the order stored; a refusal does not hold back the rest; no answer stops the round", async () => {
    const a = entry("a", 3);
    const b = entry("b", 1);
    const c = entry("c", 2);
    const done = entry("d", 0, "sent");
    const refused: Outcome = { kind: "refused", refusal: { status: 409, code: "conflict", message: "no" } };
    const one = await run([a, b, c, done], { c: refused });
    expect(one.sent).toEqual(["b", "c", "a"]);
    expect(one.result).toEqual({ sent: 2, refused: 1, stopped: null });
    expect(one.saved.get("c")).toMatchObject({ state: "refused", attempts: 1, refusal: { message: "no" } });
    expect(one.saved.get("b")).toMatchObject({ state: "sent", seq: 1, sentAt: 42 });

    const two = await run([a, b, c], { c: { kind: "retry", reason: "offline" } });
    expect(two.sent).toEqual(["b", "c"]);
    expect(two.result.stopped).toEqual({ kind: "retry", reason: "offline" });
    expect(two.saved.get("c")).toMatchObject({ state: "waiting", attempts: 1, lastError: "offline" });
    expect(two.saved.has("a")).toBe(false);
  });

  it("OUTBOX9 a retried action keeps its id and content; backoff doubles from 1 s to 30 s with jitter; new actions sort after the rest", () => {
    const e = entry("x", 5);
    const after = applyOutcome(applyOutcome(e, { kind: "retry", reason: "offline" }, 1), { kind: "sent", seq: 9, duplicate: true }, 2);
    expect(after).toMatchObject({ id: "x", event: e.event, attempts: 2, state: "sent", seq: 9, duplicate: true, lastError: undefined });
    expect([1, 2, 3, 6, 20].map((n) => backoff(n, () => 0))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
    expect(backoff(1, () => 1)).toBe(1200);
    expect(nextOrder([entry("a", 100), entry("b", 500)], 200)).toBe(501);
    expect(nextOrder([entry("a", 100)], 200)).toBe(200);
  });

  it("OUTBOX13 a photo's upload: 201/200 give its fileId, named in the event; a refusal or no answer stops before the event; once sent only the fileId stays", () => {
    expect(classifyUpload(201, { fileId: "f1", contentType: "image/jpeg", bytes: 9 })).toEqual({ kind: "uploaded", fileId: "f1" });
    expect(classifyUpload(200, { fileId: "f1" })).toEqual({ kind: "uploaded", fileId: "f1" });
    expect(classifyUpload(200, null).kind).toBe("retry");
    expect(classifyUpload(415, { error: { code: "unsupported_media_type", reason: "heic_not_decodable", message: "m" } })).toMatchObject({
      kind: "refused",
      refusal: { status: 415, reason: "heic_not_decodable" },
    });
    expect(classifyUpload(503, null).kind).toBe("retry");
    expect(classifyUpload(401, null).kind).toBe("signed_out");
    const doc: OutboxEntry = {
      ...entry("d", 1),
      event: {
        type: "request.document_added",
        occurredAt: "2026-12-06T00:00:00.000Z",
        payload: { requestId: "R-1", document: "commitment_letter" },
      },
      upload: { blob: new Blob(["x"]) },
    };
    // Not yet uploaded: the event as made (it is never posted before its photo); uploaded: the same id, with the fileId.
    expect(eventBody(doc)).toEqual({ id: "d", ...doc.event });
    const up = { ...doc, upload: { ...doc.upload, fileId: "f1" } };
    expect(eventBody(up)).toMatchObject({ id: "d", payload: { requestId: "R-1", document: "commitment_letter", fileId: "f1" } });
    expect(eventBody(up)).toEqual(eventBody({ ...up, attempts: 3 }));
    const sent = applyOutcome(up, { kind: "sent", seq: 4, duplicate: false }, 9);
    expect(sent.upload).toEqual({ fileId: "f1" });
    expect(applyOutcome(up, { kind: "retry", reason: "offline" }, 9).upload?.blob).toBeInstanceOf(Blob);
  });

  it("OUTBOX10 sent actions are forgotten after a day or past 30; waiting and refused ones stay until the volunteer acts", () => {
    const day = 24 * 60 * 60 * 1000;
    const sent = Array.from({ length: 32 }, (_, i) => ({ ...entry(`s${i}`, i, "sent"), sentAt: day + i }));
    const kept = [entry("w", 0), entry("r", 1, "refused")];
    expect(expired([...sent, ...kept], day + 100).sort()).toEqual(["s0", "s1"]);
    expect(expired([...sent.slice(0, 3), ...kept], 3 * day)).toEqual(["s2", "s1", "s0"]);
  });

  it("OUTBOX11 a refusal reads in the screen's language from its reason; one without a known reason as the server said it", () => {
    const onDuty = {
      status: 409,
      code: "conflict",
      reason: "volunteer_already_on_duty",
      params: { volunteerId: "v1" },
      message: "volunteer v1 is already on duty; check them out first",
    };
    expect(errorText(onDuty, "en")).toBe(onDuty.message);
    expect(errorText(onDuty, "zh-CN")).toBe("志愿者 v1 已在岗：请先签退。");
    const decided = {
      ...onDuty,
      reason: "request_not_pending",
      params: { requestId: "R-7K", status: "approved", action: "document_added" },
    };
    expect(errorText(decided, "zh-CN")).toBe("请求 R-7K 已批准，已无法补充材料。");
    expect(errorText({ message: "something new" }, "zh-CN")).toBe("something new");
    expect(errorText({ reason: "not_a_reason_yet", message: "later" }, "zh-CN")).toBe("later");
  });

  it("OUTBOX12 request numbers are short and readable (no 0/O/1/I/L); a kept action reads as building, unit and words", () => {
    expect(newRequestNumber(() => new Uint8Array([0, 1, 30, 31, 62, 255]))).toBe("R-23Z229");
    for (let i = 0; i < 200; i++) expect(newRequestNumber()).toMatch(/^R-[2-9A-HJKMNP-Z]{6}$/);
    const registry = {
      households: [{ householdId: "h1", buildingId: "b1", unit: "101" }],
      buildings: [{ buildingId: "b1", label: "1号楼" }],
    };
    const e = {
      ...entry("h1", 1),
      event: { ...entry("h1", 1).event, type: "test.result", payload: { householdId: "h1", result: "negative" } },
    };
    expect(summarize(e, registry as never, { negative: "阴性" })).toBe("1号楼 101 · 阴性");
  });

  it("SIGNOUT3 a 401 for a revoked sign-in stops the round with no retry timer, keeps every action on the phone waiting, and the notice says signed out, not no network", async () => {
    const revoked = { error: { code: "unauthorized", reason: "sign_in_revoked", message: "this sign-in has been revoked" } };
    const outcome = classify(401, revoked);
    expect(outcome).toEqual({ kind: "signed_out", reason: "this sign-in has been revoked", revoked: true });
    const { sent, saved, result } = await run([entry("a", 1), entry("b", 2), entry("c", 3)], { a: outcome });
    expect(sent).toEqual(["a"]);
    expect(result.stopped).toEqual(outcome);
    expect(saved.get("a")).toMatchObject({ state: "waiting", attempts: 1, lastError: "this sign-in has been revoked" });
    expect(saved.has("b") || saved.has("c")).toBe(false);
    // No timer: trying again cannot help, and each 401 would be a failed sign-in from the phone's network.
    for (const failures of [1, 5, 50]) expect(afterStop(outcome, failures)).toEqual({ retryInMs: null, signedOut: true });
    expect(afterStop({ kind: "retry", reason: "offline" }, 1, () => 0)).toEqual({ retryInMs: 1000, signedOut: false });
    expect(afterStop(null, 0)).toEqual({ retryInMs: null, signedOut: false });
    // The socket is refused too, so the connection reads "reconnecting": the notice is still "signed out".
    expect(outboxNotice({ signedOut: true, authError: false, connection: "reconnecting" })).toBe("signed_out");
    expect(outboxNotice({ signedOut: false, authError: true, connection: "reconnecting" })).toBe("signed_out");
    expect(outboxNotice({ signedOut: false, authError: false, connection: "offline" })).toBe("offline");
    expect(outboxNotice({ signedOut: false, authError: false, connection: "live" })).toBeNull();
    expect(OUTBOX.en.signedOut).toMatch(/signed out.*ask the secretary for a new sign-in link/i);
    expect(OUTBOX["zh-CN"].signedOut).toMatch(/退出登录.*向书记索取新的登录链接/);
    for (const lang of ["en", "zh-CN"] as const) expect(OUTBOX[lang].signedOut).not.toBe(OUTBOX[lang].offline);
  });
});
