import type { RequestKind, RequestStatus } from "../../drizzle/schema/constants";
import { type Params, type Reason, type ReasonRef, render } from "../protocol/reasons";
import { EN } from "../protocol/reasons-en";

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

/** The status after `action`, or the reason it is not allowed now (and its English). */
export function transition(
  status: RequestStatus,
  action: RequestAction,
): { ok: true; to: RequestStatus } | { ok: false; reason: Reason; params: Params; message: string } {
  const t = TRANSITIONS[action];
  if (status === t.from) return { ok: true, to: t.to };
  const reason: Reason = t.from === "pending" ? "request_not_pending" : "request_not_approved";
  const params = { status, action };
  return { ok: false, reason, params, message: render(EN, { reason, params }) };
}

/** Whether a request in `status` counts as pending in the snapshot: opened and not yet closed. */
export const countsAsPending = (status: RequestStatus) => status === "pending" || status === "approved";

export interface ReleaseFacts {
  kind: RequestKind;
  urgent: boolean;
  hasCommitmentLetter: boolean;
  /** When the newest test report attached was taken. */
  testReportAt: Date | null;
  /** When the request was opened (its event's occurredAt). */
  openedAt: Date;
  /** When its last document was added (that event's occurredAt), if any. */
  lastDocumentAt: Date | null;
}

export interface ApprovalTimes {
  /** When the server records the approval: the 48 hours are counted back from here. */
  recordedAt: Date;
  /** The approval's own occurredAt, as the caller dated it. */
  occurredAt: Date;
}

export type ReleaseBasis = "documents" | "urgent_medical" | "override";

/** How far back an approval may be dated without an override reason (a slow phone, a queued send). */
export const BACKDATE_SLACK_MS = 5 * 60_000;

/** A refusal: what is missing (English, and as reasons for a screen to translate), and why, as a reason and in English. */
type Verdict =
  | { ok: true; basis: ReleaseBasis }
  | { ok: false; missing: string[]; missingReasons: ReasonRef[]; reason: ReasonRef; message: string };

/** An age as the rule's reasons carry it: whole hours, or minutes under an hour. */
const age = (ms: number): Params => {
  const h = ms / 3_600_000;
  return h >= 1 ? { hours: Math.floor(h) } : { minutes: Math.round(ms / 60_000) };
};
const ref = (reason: Reason, params: Params = {}): ReasonRef => ({ reason, params });

/**
 * The release rule: a leave request needs a commitment letter and a test report taken
 * within the 48 hours before the server records the approval; an urgent medical request may
 * go at once; anything else needs an override reason. An approval cannot be dated before
 * its request or its documents, and one dated more than a few minutes back needs an override.
 */
export function checkRelease(facts: ReleaseFacts, times: ApprovalTimes, overrideReason: string | undefined): Verdict {
  const { recordedAt, occurredAt } = times;
  if (occurredAt.getTime() < facts.openedAt.getTime()) return refuse([ref("need_dated_after_opened")], ref("release_dated_before_opened"));
  if (facts.lastDocumentAt && occurredAt.getTime() < facts.lastDocumentAt.getTime())
    return refuse([ref("need_dated_after_documents")], ref("release_dated_before_documents"));
  const backdatedMs = recordedAt.getTime() - occurredAt.getTime();
  const backdated = backdatedMs > BACKDATE_SLACK_MS;

  const missing: ReasonRef[] = [];
  let basis: ReleaseBasis | null = null;
  if (facts.kind === "medical" && facts.urgent) basis = "urgent_medical";
  else if (facts.kind === "leave") {
    if (!facts.hasCommitmentLetter) missing.push(ref("need_commitment_letter"));
    const report = facts.testReportAt;
    if (!report) missing.push(ref("need_test_report"));
    else if (report.getTime() > recordedAt.getTime()) missing.push(ref("need_test_report_before_approval"));
    else if (recordedAt.getTime() - report.getTime() > HOURS_48)
      missing.push(ref("need_recent_test_report", age(recordedAt.getTime() - report.getTime())));
    if (missing.length === 0) basis = "documents";
  } else {
    missing.push(ref(facts.kind === "medical" ? "need_override_medical" : "need_override"));
  }
  if (basis && !backdated) return { ok: true, basis };
  if (overrideReason) return { ok: true, basis: "override" };

  const what = { kind: facts.kind, urgent: facts.urgent };
  const backdateNeed = ref("need_override_backdated", age(backdatedMs));
  if (basis)
    return refuse([backdateNeed], ref("release_backdated", { ...what, ...age(backdatedMs), slackMinutes: BACKDATE_SLACK_MS / 60_000 }));
  if (backdated) missing.push(backdateNeed);
  return refuse(
    missing,
    facts.kind === "leave" ? ref("release_needs_documents", { ...what, missing: [...missing] }) : ref("release_needs_override", what),
  );
}

function refuse(missingReasons: ReasonRef[], reason: ReasonRef): Verdict {
  return { ok: false, missing: missingReasons.map((r) => render(EN, r)), missingReasons, reason, message: render(EN, reason) };
}
