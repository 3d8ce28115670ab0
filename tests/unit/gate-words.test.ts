// Why: GATE11–GATE13: the gate's reasons and the household's pass speak in the phone's time and the screen's language; a scan kept offline is sent to the gate.
process.env.TZ = "Asia/Shanghai";

import { describe, expect, it } from "vitest";
import { errorText } from "../../app/_i18n/reasons";
import { applyOutcome, classify, GATE_SCAN } from "../../app/_live/outbox-core";
import { requestOf } from "../../app/_live/outbox-send";
import { grouped, showsPass } from "../../app/home/PassCard";
import { nextCodeChange } from "../../app/home/use-my-requests";

const ISO = /\d{4}-\d{2}-\d{2}T/;
const year = new Date().getFullYear();

describe("GATE: the words of the gate and of the pass", () => {
  it("GATE11 pass_expired and already_out name their moment in local time in the screen's language, never as ISO text", () => {
    const until = `${year}-03-05T06:30:00.000Z`; // 14:30 in Shanghai
    const expired = { reason: "pass_expired", params: { requestId: "R1", until }, message: `ran out at ${until}` };
    expect(errorText(expired, "zh-CN")).toBe("请求 R1 的通行证已于 3月5日 14:30 过期：请书记重新审批。");
    expect(errorText(expired, "en")).toContain("ran out at Mar 5, 14:30");
    const out = { reason: "already_out", params: { requestId: "R2", outAt: `${year - 1}-06-30T23:05:00Z` } };
    for (const lang of ["zh-CN", "en"] as const) expect(errorText(out, lang)).not.toMatch(ISO);
    expect(errorText(out, "zh-CN")).toContain(`${year - 1}年7月1日 07:05`);
  });

  it("GATE12 the pass on /home: its number in groups of three, shown while valid or while its holder is out, asked again when its code changes", () => {
    expect(grouped("1234567890")).toBe("123 456 789 0");
    const now = Date.parse(`${year}-03-05T06:00:00Z`);
    const pass = {
      code: "12345678",
      codeChangesAt: `${year}-03-05T06:10:00.000Z`,
      until: `${year}-03-05T05:00:00.000Z`,
      tripHours: 2,
      state: "inside" as const,
      outAt: null,
      returnBy: null,
      overdue: false,
    };
    expect(showsPass(pass, now)).toBe(false);
    expect(showsPass({ ...pass, state: "outside" }, now)).toBe(true);
    expect(showsPass({ ...pass, until: `${year}-03-05T07:00:00.000Z` }, now)).toBe(true);
    expect(showsPass(null, now)).toBe(false);
    const req = (p: typeof pass | null) => ({ pass: p }) as never;
    const data = {
      household: { householdId: "h1", building: "1", unit: "101" },
      requests: [req(null), req(pass), req({ ...pass, codeChangesAt: `${year}-03-05T06:00:00.000Z` })],
    };
    expect(nextCodeChange(data)).toBe(Date.parse(`${year}-03-05T06:00:00.000Z`));
    expect(nextCodeChange({ ...data, requests: [] })).toBeNull();
  });
});

describe("GATE: a gate scan in the phone's outbox", () => {
  it("GATE13 a kept scan is sent to POST /api/gate/scan with its own id and the moment it was read; the answer (direction, holder) is kept with it; a resend's 200 is a duplicate, a 409 a refusal, no answer a retry", () => {
    const entry = {
      id: "0b9a0000-0000-4000-8000-000000000001",
      order: 1,
      madeAt: 1,
      event: { type: GATE_SCAN, occurredAt: "2026-03-05T06:00:00.000Z", payload: { code: "12345678" } },
      state: "waiting" as const,
      attempts: 0,
    };
    expect(requestOf(entry)).toEqual({
      url: "/api/gate/scan",
      body: { id: entry.id, code: "12345678", scannedAt: "2026-03-05T06:00:00.000Z" },
    });
    expect(requestOf({ ...entry, event: { ...entry.event, type: "household.tested" } }).url).toBe("/api/events");
    const body = { direction: "out", requestId: "R1", seq: 42, returnBy: null, holder: { building: "1", unit: "101" } };
    const sent = classify(201, body);
    expect(sent).toEqual({ kind: "sent", seq: 42, duplicate: false, answer: body });
    expect(applyOutcome(entry, sent, 5)).toMatchObject({ state: "sent", seq: 42, answer: body });
    expect(classify(200, { ...body, duplicate: true })).toMatchObject({ kind: "sent", seq: 42, duplicate: true });
    expect(classify(409, { error: { code: "conflict", reason: "already_out", params: {}, message: "m" } })).toMatchObject({
      kind: "refused",
      refusal: { status: 409, reason: "already_out" },
    });
    expect(classify(404, { error: { code: "not_found", reason: "pass_unknown", message: "m" } }).kind).toBe("refused");
    // A refused scan names whose pass it was: kept with the refusal for the gate to show.
    expect(
      classify(409, { error: { code: "conflict", reason: "pass_expired", message: "m" }, holder: { building: "1", unit: "101" } }),
    ).toMatchObject({ refusal: { reason: "pass_expired", about: { building: "1", unit: "101" } } });
    expect(classify(503, null).kind).toBe("retry");
    // The feed's answer is read as before.
    expect(classify(201, { accepted: [{ id: "x", seq: 7, duplicate: false }] })).toEqual({ kind: "sent", seq: 7, duplicate: false });
  });
});
