import type { RequestKind, RequestStatus } from "../../drizzle/schema/constants";

export const HOURS_48 = 48 * 60 * 60 * 1000;

export type RequestAction = "document_added" | "approved" | "rejected" | "fulfilled" | "cancelled";

/** Which status each action needs, and the status it leaves. */
const TRANSITIONS: Record<RequestAction, { from: RequestStatus; to: RequestStatus }> = {
  document_added: { from: "pending", to: "pending" },
  approved: { from: "pending", to: "approved" },
  rejected: { from: "pending", to: "rejected" },
  fulfilled: { from: "approved", to: "fulfilled" },
  cancelled: { from: "pending", to: "cancelled" },
};

/** The status after `action`, or an explanation of why it is not allowed now. */
export function transition(status: RequestStatus, action: RequestAction): { ok: true; to: RequestStatus } | { ok: false; message: string } {
  const t = TRANSITIONS[action];
  if (status === t.from) return { ok: true, to: t.to };
  const need = t.from === "pending" ? "still pending (not yet decided)" : `${t.from} first`;
  return { ok: false, message: `request is ${status}; to be ${action.replace("_", " ")} it must be ${need}` };
}

/** Whether a request in `status` counts as pending in the snapshot: opened and not yet closed. */
export const countsAsPending = (status: RequestStatus) => status === "pending" || status === "approved";

export interface ReleaseFacts {
  kind: RequestKind;
  urgent: boolean;
  hasCommitmentLetter: boolean;
  /** When the newest test report attached was taken. */
  testReportAt: Date | null;
}

export type ReleaseBasis = "documents" | "urgent_medical" | "override";

/**
 * The release rule: a leave request needs a commitment letter and a test report taken
 * within the 48 hours before approval; an urgent medical request may go at once;
 * anything else needs an override reason.
 */
export function checkRelease(
  facts: ReleaseFacts,
  approvedAt: Date,
  overrideReason: string | undefined,
): { ok: true; basis: ReleaseBasis } | { ok: false; missing: string[]; message: string } {
  if (facts.kind === "medical" && facts.urgent) return { ok: true, basis: "urgent_medical" };
  const missing: string[] = [];
  if (facts.kind === "leave") {
    if (!facts.hasCommitmentLetter) missing.push("a signed commitment letter");
    const report = facts.testReportAt;
    if (!report) missing.push("a test report");
    else if (report.getTime() > approvedAt.getTime()) missing.push("a test report taken before the approval");
    else if (approvedAt.getTime() - report.getTime() > HOURS_48) {
      const hours = Math.floor((approvedAt.getTime() - report.getTime()) / 3_600_000);
      missing.push(`a test report from the last 48 hours (the newest is ${hours} hours old)`);
    }
    if (missing.length === 0) return { ok: true, basis: "documents" };
  } else {
    missing.push(facts.kind === "medical" ? "an override reason (only urgent medical requests go at once)" : "an override reason");
  }
  if (overrideReason) return { ok: true, basis: "override" };
  const what = `release rule: this ${facts.urgent ? "urgent " : ""}${facts.kind} request`;
  return {
    ok: false,
    missing,
    message:
      facts.kind === "leave"
        ? `${what} needs ${missing.join(" and ")}; add the documents, or approve with override.reason`
        : `${what} is released only with override.reason${facts.kind === "medical" ? " (only urgent medical requests go at once)" : ""}`,
  };
}
