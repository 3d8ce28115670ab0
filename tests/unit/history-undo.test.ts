// Why: FIX12 the history offers the secretary an undo on exactly the rows still in effect: the open round's last tap
// and result of a household, and the check-in of a volunteer still on duty; FIX14 a time not today says its day;
// FIX15 the phone's own sent tap, result or check-in for 10 minutes.
import { describe, expect, it } from "vitest";
import { fmtClockDay } from "../../app/_components/wall-format";
import { errorText } from "../../app/_i18n/reasons";
import type { OutboxEntry } from "../../app/_live/outbox-core";
import { UNDO_WINDOW_MS, undoState } from "../../app/console/undo-sent";
import { undoable } from "../../app/history/undo";
import { UNDO_MINUTES } from "../../server/ingest/rules-corrections";
import type { FeedEvent } from "../../server/protocol/events";

let seq = 0;
const ev = (type: string, payload: Record<string, unknown>): FeedEvent =>
  ({
    seq: ++seq,
    id: `e${seq}`,
    type,
    community: "c",
    occurredAt: "2026-12-06T08:00:00Z",
    recordedAt: "2026-12-06T08:00:00Z",
    actor: "phone",
    payload,
  }) as unknown as FeedEvent;
const none = () => false;

describe("FIX12: what the history offers to undo", () => {
  it("the open round's tap and result, not a closed round's; an undone tap takes its result with it", () => {
    const old = ev("household.tested", { roundId: "r1", householdId: "h1" });
    const tap = ev("household.tested", { roundId: "r2", householdId: "h1" });
    const again = ev("household.tested", { roundId: "r2", householdId: "h1" });
    const result = ev("test.result", { roundId: "r2", householdId: "h1", result: "positive" });
    const rows = undoable([old, tap, again, result], "r2", none);
    expect([...rows.keys()].sort()).toEqual([tap.seq, result.seq]);
    expect(rows.get(tap.seq)).toEqual({ type: "household.test_undone", payload: { roundId: "r2", householdId: "h1" } });
    expect(rows.get(result.seq)).toEqual({ type: "test.result_undone", payload: { roundId: "r2", householdId: "h1" } });
    // No round open: nothing to undo among the tests.
    expect(undoable([old, tap, result], null, none).size).toBe(0);
    // The tap undone: neither it nor its result is offered; tapped again, the new tap is.
    const undone = ev("household.test_undone", { roundId: "r2", householdId: "h1", reason: "wrong door" });
    expect(undoable([tap, result, undone], "r2", none).size).toBe(0);
    const retap = ev("household.tested", { roundId: "r2", householdId: "h1" });
    expect([...undoable([tap, result, undone, retap], "r2", none).keys()]).toEqual([retap.seq]);
    // A result undone is not offered again; the tap still is.
    const resultUndone = ev("test.result_undone", { roundId: "r2", householdId: "h1" });
    expect([...undoable([tap, result, resultUndone], "r2", none).keys()]).toEqual([tap.seq]);
  });

  it("the last check-in of a volunteer still on duty, nothing once checked out", () => {
    const first = ev("volunteer.checked_in", { volunteerId: "v1", post: "gate" });
    const out = ev("volunteer.checked_out", { volunteerId: "v1" });
    const second = ev("volunteer.checked_in", { volunteerId: "v1", post: "swab" });
    const onDuty = (v: string) => v === "v1";
    expect([...undoable([first, out, second], null, onDuty)]).toEqual([
      [second.seq, { type: "volunteer.checkin_undone", payload: { volunteerId: "v1" } }],
    ]);
    expect(undoable([first, out], null, onDuty).size).toBe(0);
    expect(undoable([first, out, second], null, none).size).toBe(0);
  });
});

describe("FIX14: a time on a screen that is not today says its day", () => {
  it("today's time alone; tomorrow's and yesterday's with their word; further days with the date", () => {
    const now = new Date(2026, 11, 6, 22, 0).getTime();
    expect(fmtClockDay(new Date(2026, 11, 6, 23, 0).getTime(), now, "zh-CN")).toBe("23:00");
    expect(fmtClockDay(new Date(2026, 11, 7, 11, 0).getTime(), now, "zh-CN")).toBe("明天 11:00");
    expect(fmtClockDay(new Date(2026, 11, 7, 11, 0).getTime(), now, "en")).toBe("tomorrow 11:00");
    expect(fmtClockDay(new Date(2026, 11, 5, 11, 0).getTime(), now, "zh-CN")).toBe("昨天 11:00");
    expect(fmtClockDay(new Date(2026, 11, 9, 11, 0).getTime(), now, "zh-CN")).toBe("12月9日 11:00");
  });
});

describe("FIX15: what the phone's sent list offers to undo", () => {
  const at = Date.parse("2026-12-06T08:00:00Z");
  let order = 0;
  const entry = (type: string, payload: Record<string, unknown>, state: OutboxEntry["state"] = "sent", occurredAt = at): OutboxEntry => ({
    id: `o${++order}`,
    order,
    madeAt: occurredAt,
    event: { type, occurredAt: new Date(occurredAt).toISOString(), payload },
    state,
    attempts: 1,
  });

  it("a sent tap, result or check-in for 10 minutes; undone once a later undo is kept; nothing else", () => {
    const tap = entry("household.tested", { roundId: "r1", householdId: "h1" });
    const result = entry("test.result", { roundId: "r1", householdId: "h1", result: "negative" });
    const checkIn = entry("volunteer.checked_in", { volunteerId: "v1", post: "gate" });
    const request = entry("request.opened", { requestId: "q1", householdId: "h1", kind: "leave" });
    const all = [tap, result, checkIn, request];
    expect(undoState(tap, all, at + 60_000)).toEqual({
      undo: { type: "household.test_undone", payload: { roundId: "r1", householdId: "h1" } },
    });
    expect(undoState(result, all, at)).toEqual({ undo: { type: "test.result_undone", payload: { roundId: "r1", householdId: "h1" } } });
    expect(undoState(checkIn, all, at)).toEqual({ undo: { type: "volunteer.checkin_undone", payload: { volunteerId: "v1" } } });
    expect(undoState(request, all, at)).toBeNull();
    // Past the window (the server's own): the secretary's, no longer the phone's.
    expect(UNDO_WINDOW_MS).toBe(UNDO_MINUTES * 60_000);
    expect(undoState(tap, all, at + UNDO_WINDOW_MS)).toBeNull();
    // Not sent yet: nothing to undo on the server.
    expect(undoState(entry("household.tested", { roundId: "r1", householdId: "h2" }, "waiting"), all, at)).toBeNull();
    // A later undo, sent or waiting, marks it undone; a refused one does not.
    const refused = entry("volunteer.checkin_undone", { volunteerId: "v1" }, "refused");
    expect(undoState(checkIn, [...all, refused], at)).toEqual({ undo: expect.anything() });
    const undo = entry("volunteer.checkin_undone", { volunteerId: "v1" }, "waiting");
    expect(undoState(checkIn, [...all, undo], at)).toBe("undone");
    // Another household's undo is not this one's.
    expect(undoState(tap, [...all, entry("household.test_undone", { roundId: "r1", householdId: "h9" })], at)).toEqual({
      undo: expect.anything(),
    });
  });
});

describe("FIX16: refusals a person reads beside a household say no id", () => {
  it("a closed round, a vacant flat, a result without a tap, in Chinese", () => {
    const ids = { householdId: "h-1-101-0123456789ab", roundId: "pcr-2026-12-06-1", status: "vacant" };
    for (const reason of ["round_closed", "household_not_lived_in", "household_not_tested", "household_already_lived_in"] as const) {
      const text = errorText({ reason, params: ids }, "zh-CN");
      expect(text, reason).not.toMatch(/h-1-101|pcr-2026/);
      expect(text, reason).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(errorText({ reason: "household_not_lived_in", params: ids }, "zh-CN")).toBe("这户已标记为空置，不用再登记。");
  });
});
