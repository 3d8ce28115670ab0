// Why: the pure rules of passes, trips and overdue (contract section 8), shared by the rules, the recount and the reads.
import type { Params, Reason } from "../protocol/reasons";
import { HOURS_48, type ReleaseBasis } from "./requests";

const HOUR = 3_600_000;
export const LEAVE_TRIP_HOURS = 12;
export const MEDICAL_PASS_HOURS = 24;

/** What a pass needs from its request. */
export interface PassFacts {
  kind: string;
  basis: ReleaseBasis;
  /** When the newest test report attached was taken. */
  testReportAt: Date | null;
}

export interface PassTerms {
  until: Date;
  tripHours: number | null;
}

/** Whether approving a request of this kind issues a pass: releases only, not deliveries. */
export const issuesPass = (kind: string) => kind === "leave" || kind === "medical";

/**
 * The pass an approval issues, at `approvedAt` (the server's record time). Defaults: a leave pass
 * until its newest report is 48 hours old, 12-hour trips (24 hours after an override approval whose
 * report is missing or already too old); a medical pass 24 hours, no trip limit. `asked` shortens
 * them. A pass that rests on its report (basis `documents`) never outlives the report's 48 hours;
 * only an override may ask for a later `until`.
 */
export function passTerms(f: PassFacts, approvedAt: Date, asked?: { until?: string; tripHours?: number | null }): PassTerms {
  const reportEnd = f.testReportAt ? f.testReportAt.getTime() + HOURS_48 : null;
  const day = approvedAt.getTime() + MEDICAL_PASS_HOURS * HOUR;
  const byKind =
    f.kind === "leave" && reportEnd !== null && (f.basis === "documents" || reportEnd > approvedAt.getTime()) ? reportEnd : day;
  let until = asked?.until ? Date.parse(asked.until) : byKind;
  if (f.basis !== "override") until = Math.min(until, byKind);
  const tripHours = asked?.tripHours !== undefined ? asked.tripHours : f.kind === "leave" ? LEAVE_TRIP_HOURS : null;
  return { until: new Date(until), tripHours };
}

/** A pass as it stands in its request's row. */
export interface PassState {
  requestId: string;
  status: string;
  passSeq: number | null;
  passUntil: Date | null;
  passTripHours: number | null;
  passOutAt: Date | null;
}

type Verdict = { ok: true } | { ok: false; reason: Reason; params: Params };

/** Whether the holder may go out now (`recordedAt`: when the server records the scan). */
export function checkOut(p: PassState, recordedAt: Date): Verdict {
  const requestId = p.requestId;
  if (p.passSeq === null || !p.passUntil || (p.status !== "approved" && p.status !== "fulfilled"))
    return { ok: false, reason: "no_pass", params: { requestId } };
  if (p.passOutAt) return { ok: false, reason: "already_out", params: { requestId, outAt: p.passOutAt.toISOString() } };
  if (recordedAt.getTime() > p.passUntil.getTime())
    return { ok: false, reason: "pass_expired", params: { requestId, until: p.passUntil.toISOString() } };
  return { ok: true };
}

/** Whether the holder may come back in: only from outside, at any hour. */
export function checkIn(p: PassState): Verdict {
  return p.passOutAt ? { ok: true } : { ok: false, reason: "not_out", params: { requestId: p.requestId } };
}

/** When a trip that started at `outAt` must be back; null when the pass sets no limit. */
export const returnByOf = (outAt: Date, tripHours: number | null): Date | null =>
  tripHours === null ? null : new Date(outAt.getTime() + tripHours * HOUR);

/** Overdue at `now`: out, with a return time that has passed. */
export const isOverdue = (returnBy: Date | null, now: Date) => returnBy !== null && returnBy.getTime() < now.getTime();
