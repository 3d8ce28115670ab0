import { describe, expect, it } from "vitest";
import { checkRelease, decisionTime, HOURS_48, reportInFuture, reportTime, transition } from "../../server/domain/requests";

const at = new Date("2026-04-05T12:00:00+08:00");
const hoursAgo = (h: number) => new Date(at.getTime() - h * 3_600_000);
const opened = hoursAgo(60);
const leave = {
  kind: "leave" as const,
  urgent: false,
  hasCommitmentLetter: false,
  testReportAt: null,
  openedAt: opened,
  lastDocumentAt: null,
};
/** An approval recorded at `at` and dated then too. */
const now = { recordedAt: at, occurredAt: at };

describe("REL: the release rule", () => {
  it("REL1 a leave request with no documents is refused, naming both missing documents", () => {
    const r = checkRelease(leave, now, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing).toEqual(["a signed commitment letter", "a test report"]);
  });
  it("REL2 a letter alone is not enough", () => {
    const r = checkRelease({ ...leave, hasCommitmentLetter: true }, now, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("test report");
  });
  it("REL3 a report 50 hours old is too old, and the message says how old", () => {
    const r = checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(50) }, now, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("50 hours old");
  });
  it("REL4 a letter and a report from 47 hours ago release", () => {
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(47) }, now, undefined)).toEqual({
      ok: true,
      basis: "documents",
    });
  });
  it("REL4b exactly 48 hours is still within the window; a minute more is not", () => {
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(48) }, now, undefined).ok).toBe(true);
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(48 + 1 / 60) }, now, undefined).ok).toBe(false);
  });
  it("REL4c a report dated after the approval does not count", () => {
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(-1) }, now, undefined).ok).toBe(false);
  });
  it("REL5 an urgent medical request goes at once; a non-urgent one does not", () => {
    expect(checkRelease({ ...leave, kind: "medical", urgent: true }, now, undefined)).toEqual({ ok: true, basis: "urgent_medical" });
    expect(checkRelease({ ...leave, kind: "medical", urgent: false }, now, undefined).ok).toBe(false);
  });
  it("REL6 any other release (a non-urgent medical request) needs an override reason, which releases and is recorded as the basis", () => {
    const refused = checkRelease({ ...leave, kind: "medical" }, now, undefined);
    expect(refused).toMatchObject({ ok: false, missing: ["an override reason (only urgent medical requests go at once)"] });
    if (!refused.ok) expect(refused.message).toContain("released only with override.reason");
    expect(checkRelease({ ...leave, kind: "medical" }, now, "dialysis")).toEqual({ ok: true, basis: "override" });
    expect(checkRelease(leave, now, "hospital recall confirmed by phone")).toEqual({ ok: true, basis: "override" });
  });
  it("REL14 deliveries (medicine, supplies, other) are not releases: approved without documents or override, even entered late", () => {
    for (const kind of ["medicine", "supplies", "other"] as const) {
      expect(checkRelease({ ...leave, kind }, now, undefined)).toEqual({ ok: true, basis: "delivery" });
      expect(checkRelease({ ...leave, kind }, { recordedAt: at, occurredAt: hoursAgo(3) }, undefined)).toEqual({
        ok: true,
        basis: "delivery",
      });
      // An override given anyway is kept (every delivery approved before v1.2 carries one).
      expect(checkRelease({ ...leave, kind }, now, "delivered by volunteer")).toEqual({ ok: true, basis: "override" });
    }
  });
});

describe("REL10–REL13: the release rule is judged when the server records the approval", () => {
  const fresh = { ...leave, openedAt: hoursAgo(120), hasCommitmentLetter: true, testReportAt: hoursAgo(100), lastDocumentAt: hoursAgo(90) };
  it("REL10 a 100-hour-old report does not pass by dating the approval 20 hours after it", () => {
    const r = checkRelease(fresh, { recordedAt: at, occurredAt: hoursAgo(80) }, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("100 hours old");
  });
  it("REL11 an approval may not be dated before its request was opened or before its documents were added, override or not", () => {
    for (const reason of [undefined, "hospital recall"]) {
      const before = checkRelease(fresh, { recordedAt: at, occurredAt: hoursAgo(121) }, reason);
      expect(before).toMatchObject({ ok: false });
      if (!before.ok) expect(before.message).toContain("before its request was opened");
      const beforeDocs = checkRelease(fresh, { recordedAt: at, occurredAt: hoursAgo(95) }, reason);
      expect(beforeDocs).toMatchObject({ ok: false });
      if (!beforeDocs.ok) expect(beforeDocs.message).toContain("before the request's documents were added");
    }
  });
  it("REL12 dated more than five minutes back needs override.reason, even when the documents pass; within five minutes it does not", () => {
    const ok = { ...fresh, testReportAt: hoursAgo(10), lastDocumentAt: hoursAgo(9) };
    const late = checkRelease(ok, { recordedAt: at, occurredAt: hoursAgo(2) }, undefined);
    expect(late).toMatchObject({ ok: false });
    if (!late.ok) expect(late.message).toMatch(/2 hours in the past.*override\.reason/);
    expect(checkRelease(ok, { recordedAt: at, occurredAt: hoursAgo(2) }, "entered late: decided on the phone")).toEqual({
      ok: true,
      basis: "override",
    });
    expect(checkRelease(ok, { recordedAt: at, occurredAt: hoursAgo(4 / 60) }, undefined)).toEqual({ ok: true, basis: "documents" });
    const urgent = { ...ok, kind: "medical" as const, urgent: true };
    expect(checkRelease(urgent, { recordedAt: at, occurredAt: hoursAgo(1) }, undefined).ok).toBe(false);
    expect(checkRelease(urgent, now, undefined)).toEqual({ ok: true, basis: "urgent_medical" });
  });
  it("REL13 the 48 hours count back from the recorded time, not from the approval's own date", () => {
    const r = { ...fresh, testReportAt: hoursAgo(47), lastDocumentAt: hoursAgo(47) };
    expect(checkRelease(r, now, undefined).ok).toBe(true);
    // Dated within the slack but recorded later: the report has aged past 48 h by the recorded time.
    const later = new Date(at.getTime() + 2 * 3_600_000);
    expect(checkRelease(r, { recordedAt: later, occurredAt: new Date(later.getTime() - 60_000) }, undefined).ok).toBe(false);
  });
});

describe("REL15–REL17: clocks: order is the server's, a phone a few minutes fast blocks nothing", () => {
  it("REL15 an approval dated up to 5 minutes before its request's (fast) date passes; more is refused", () => {
    const fast = { ...leave, kind: "medical" as const, urgent: true, openedAt: new Date(at.getTime() + 4 * 60_000) };
    expect(checkRelease(fast, now, undefined)).toEqual({ ok: true, basis: "urgent_medical" });
    const early = checkRelease({ ...fast, openedAt: new Date(at.getTime() + 6 * 60_000) }, now, "override");
    expect(early).toMatchObject({ ok: false });
    if (!early.ok) expect(early.reason.reason).toBe("release_dated_before_opened");
  });
  it("REL16 a decision is never dated before its request: clamped within the slack, refused beyond it", () => {
    const opened = hoursAgo(0);
    expect(decisionTime(opened, hoursAgo(-1))).toEqual({ ok: true, at: hoursAgo(-1) });
    expect(decisionTime(opened, new Date(at.getTime() - 4 * 60_000))).toEqual({ ok: true, at: opened });
    expect(decisionTime(opened, hoursAgo(3))).toMatchObject({ ok: false, reason: { reason: "decision_dated_before_opened" } });
  });
  it("REL17 a test report counts from no later than it was recorded, and one more than 5 minutes ahead is refused", () => {
    const ahead = (min: number) => new Date(at.getTime() + min * 60_000);
    expect(reportTime(ahead(4), at)).toEqual(at);
    expect(reportTime(hoursAgo(1), at)).toEqual(hoursAgo(1));
    expect(reportInFuture(ahead(4), at, at)).toBe(false);
    expect(reportInFuture(ahead(10), ahead(5), at)).toBe(true);
    expect(reportInFuture(ahead(6), at, ahead(10))).toBe(true);
    // Within the slack it does not stretch the 48 hours: 48 h and a minute after it was recorded, it is too old.
    const r = { ...leave, hasCommitmentLetter: true, testReportAt: reportTime(ahead(4), at), lastDocumentAt: at };
    const later = new Date(at.getTime() + HOURS_48 + 60_000);
    expect(checkRelease(r, { recordedAt: later, occurredAt: later }, undefined).ok).toBe(false);
  });
});

describe("REQ: request transitions", () => {
  it("REQ1 only pending requests are decided or cancelled; only approved ones are fulfilled", () => {
    expect(transition("pending", "approved")).toEqual({ ok: true, to: "approved" });
    expect(transition("pending", "rejected")).toEqual({ ok: true, to: "rejected" });
    expect(transition("pending", "cancelled")).toEqual({ ok: true, to: "cancelled" });
    expect(transition("approved", "fulfilled")).toEqual({ ok: true, to: "fulfilled" });
    expect(transition("pending", "fulfilled").ok).toBe(false);
    expect(transition("approved", "approved").ok).toBe(false);
    expect(transition("rejected", "cancelled").ok).toBe(false);
    expect(transition("fulfilled", "document_added").ok).toBe(false);
  });
});
