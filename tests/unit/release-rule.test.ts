import { describe, expect, it } from "vitest";
import { checkRelease, transition } from "../../server/domain/requests";

const at = new Date("2026-04-05T12:00:00+08:00");
const hoursAgo = (h: number) => new Date(at.getTime() - h * 3_600_000);
const leave = { kind: "leave" as const, urgent: false, hasCommitmentLetter: false, testReportAt: null };

describe("REL: the release rule", () => {
  it("REL1 a leave request with no documents is refused, naming both missing documents", () => {
    const r = checkRelease(leave, at, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing).toEqual(["a signed commitment letter", "a test report"]);
  });
  it("REL2 a letter alone is not enough", () => {
    const r = checkRelease({ ...leave, hasCommitmentLetter: true }, at, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("test report");
  });
  it("REL3 a report 50 hours old is too old, and the message says how old", () => {
    const r = checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(50) }, at, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("50 hours old");
  });
  it("REL4 a letter and a report from 47 hours ago release", () => {
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(47) }, at, undefined)).toEqual({
      ok: true,
      basis: "documents",
    });
  });
  it("REL4b exactly 48 hours is still within the window; a minute more is not", () => {
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(48) }, at, undefined).ok).toBe(true);
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(48 + 1 / 60) }, at, undefined).ok).toBe(false);
  });
  it("REL4c a report dated after the approval does not count", () => {
    expect(checkRelease({ ...leave, hasCommitmentLetter: true, testReportAt: hoursAgo(-1) }, at, undefined).ok).toBe(false);
  });
  it("REL5 an urgent medical request goes at once; a non-urgent one does not", () => {
    expect(checkRelease({ ...leave, kind: "medical", urgent: true }, at, undefined)).toEqual({ ok: true, basis: "urgent_medical" });
    expect(checkRelease({ ...leave, kind: "medical", urgent: false }, at, undefined).ok).toBe(false);
  });
  it("REL6 anything else needs an override reason, which releases and is recorded as the basis", () => {
    for (const kind of ["medicine", "supplies", "other"] as const) {
      const refused = checkRelease({ ...leave, kind }, at, undefined);
      expect(refused).toMatchObject({ ok: false, missing: ["an override reason"] });
      if (!refused.ok) expect(refused.message).toContain("released only with override.reason");
      expect(checkRelease({ ...leave, kind }, at, "delivered by volunteer")).toEqual({ ok: true, basis: "override" });
    }
    expect(checkRelease(leave, at, "hospital recall confirmed by phone")).toEqual({ ok: true, basis: "override" });
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
