import { type Params, type Reason, type ReasonRef, render } from "../protocol/reasons";
import { EN } from "../protocol/reasons-en";
import type { RequestKind, RequestStatus } from "../protocol/vocabularies";

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

/** `delivery`: medicine, supplies and other requests bring things in and let nobody out, so the release rule does not apply (v1.2). */
export type ReleaseBasis = "documents" | "urgent_medical" | "override" | "delivery";

/** The kinds that are deliveries, not releases: approved without documents or override (contract v1.2, section 3). */
export const DELIVERY_KINDS: readonly RequestKind[] = ["medicine", "supplies", "other"];
export const isDelivery = (kind: string) => (DELIVERY_KINDS as readonly string[]).includes(kind);

/** How far back an approval may be dated without an override reason (a slow phone, a queued send). */
export const BACKDATE_SLACK_MS = 5 * 60_000;

/**
 * How far a date may run ahead of the server's clock (occurredAt, testedAt): a phone that fast is
 * believed, and order within it is judged by the times the server recorded. A request dated up to
 * this much after its decision was still recorded before it.
 */
export const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * When a decision (rejection, cancellation, approval) on a request opened at `openedAt` counts as
 * made: its own date, but never before the request's (a phone a few minutes fast opened it), so a
 * time to decision is never negative. Dated before the request by more than a phone's clock can
 * be fast, it cannot be right: refused.
 */
export function decisionTime(openedAt: Date, at: Date): { ok: true; at: Date } | { ok: false; reason: ReasonRef } {
  if (at.getTime() < openedAt.getTime() - CLOCK_SLACK_MS) return { ok: false, reason: ref("decision_dated_before_opened") };
  return { ok: true, at: at.getTime() < openedAt.getTime() ? openedAt : at };
}

/** What a test report counts from: its testedAt, but never later than the server recorded it (a fast phone cannot stretch the 48 hours). */
export const reportTime = (testedAt: Date, recordedAt: Date) => (testedAt.getTime() > recordedAt.getTime() ? recordedAt : testedAt);

/** Whether a test report's testedAt runs further ahead of the event or of the server's clock than a phone may. */
export const reportInFuture = (testedAt: Date, occurredAt: Date, recordedAt: Date) =>
  testedAt.getTime() > Math.min(occurredAt.getTime(), recordedAt.getTime()) + CLOCK_SLACK_MS;

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
 * go at once; any other release needs an override reason. Deliveries (medicine, supplies,
 * other) need nothing. An approval cannot be dated before its request or its documents (beyond
 * the few minutes a phone's clock may run fast: order is the server's), and one dated more than
 * a few minutes back needs an override.
 */
export function checkRelease(facts: ReleaseFacts, times: ApprovalTimes, overrideReason: string | undefined): Verdict {
  const { recordedAt, occurredAt } = times;
  if (occurredAt.getTime() < facts.openedAt.getTime() - CLOCK_SLACK_MS)
    return refuse([ref("need_dated_after_opened")], ref("release_dated_before_opened"));
  if (facts.lastDocumentAt && occurredAt.getTime() < facts.lastDocumentAt.getTime() - CLOCK_SLACK_MS)
    return refuse([ref("need_dated_after_documents")], ref("release_dated_before_documents"));
  // A delivery lets nobody out; an override given anyway is kept as the basis (as every delivery had before v1.2).
  if (isDelivery(facts.kind)) return { ok: true, basis: overrideReason ? "override" : "delivery" };
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
    missing.push(ref("need_override_medical"));
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
