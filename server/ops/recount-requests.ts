// Requests and their alarms, replayed: the part of the recount with a state machine and the release rule.
import { checkRelease, countsAsPending, decisionTime, type RequestAction, reportTime, transition } from "../domain/requests";
import type { Model, Row } from "./recount";

type Apply = (m: Model, p: Record<string, unknown>) => void;

const key = (m: Model, requestId: unknown) => `${m.community}/${String(requestId)}`;
/** The request's row without reporting it missing (move reports that). */
const requestRow = (m: Model, requestId: unknown) => (m.tables.requests as Map<string, Row>).get(key(m, requestId));
const alerts = (m: Model) => m.tables.alerts as Map<string, Row>;

/** Moves a request, keeping the activity buckets' pending delta and closing its alarms as the server does. */
function move(m: Model, requestId: unknown, action: RequestAction, extra: Row = {}): Row | undefined {
  const r = m.get("requests", key(m, requestId), `request ${requestId}`);
  if (!r) return undefined;
  const from = r.status as never;
  const t = transition(from, action);
  if (!t.ok) {
    m.problem(`request ${requestId}: ${t.message}`);
    return undefined;
  }
  Object.assign(r, { status: t.to }, extra);
  const delta = Number(countsAsPending(t.to)) - Number(countsAsPending(from));
  if (delta !== 0) m.bump({ pending: delta });
  if (from === "pending" && t.to !== "pending")
    for (const a of alerts(m).values())
      if (a.community === m.community && a.requestId === requestId && a.resolvedAt === null) a.resolvedAt = m.at;
  return r;
}

const later = (a: unknown, b: Date): Date => (a instanceof Date && a.getTime() > b.getTime() ? a : b);

/** The decision's time as the server keeps it (never before its request's), or a problem when the rules would have refused it. */
function decided(m: Model, r: Row | undefined): Date {
  if (!r) return m.at;
  const d = decisionTime(r.openedAt as Date, m.at);
  if (!d.ok) m.problem(`a decision dated before its request was opened`);
  return d.ok ? d.at : m.at;
}

export const recountRequests: Record<string, Apply> = {
  "request.opened": (m, p) => {
    const h = m.get("households", `${m.community}/${String(p.householdId)}`, `household ${p.householdId}`);
    const requests = m.tables.requests as Map<string, Row>;
    if (requests.has(key(m, p.requestId))) return m.problem(`request ${p.requestId} is opened twice`);
    const urgent = p.urgent === true;
    requests.set(key(m, p.requestId), {
      householdId: p.householdId,
      kind: p.kind,
      urgent,
      note: p.note ?? null,
      person: p.person ?? null,
      status: "pending",
      openedAt: m.at,
      hasCommitmentLetter: false,
      testReportAt: null,
      lastDocumentAt: null,
      decidedAt: null,
      decisionNote: null,
      overrideReason: null,
      releaseBasis: null,
    });
    m.bump({ pending: 1 });
    if (urgent)
      alerts(m).set(String(m.seq), {
        community: m.community,
        kind: "urgent_request",
        buildingId: h?.buildingId ?? null,
        householdId: null,
        requestId: p.requestId,
        raisedAt: m.at,
        resolvedAt: null,
        acknowledgedAt: null,
      });
  },
  "request.document_added": (m, p) => {
    const r = m.get("requests", key(m, p.requestId), `request ${p.requestId}`);
    if (!r) return;
    const t = transition(r.status as never, "document_added");
    if (!t.ok) return m.problem(`request ${p.requestId}: ${t.message}`);
    r.lastDocumentAt = later(r.lastDocumentAt, m.at);
    if (p.document === "commitment_letter") r.hasCommitmentLetter = true;
    else r.testReportAt = later(r.testReportAt, reportTime(new Date(String(p.testedAt)), m.recordedAt));
  },
  "request.approved": (m, p) => {
    const r = m.get("requests", key(m, p.requestId), `request ${p.requestId}`);
    if (!r) return;
    const reason = (p.override as { reason?: string } | undefined)?.reason;
    const verdict = checkRelease(
      {
        kind: r.kind as never,
        urgent: r.urgent === true,
        hasCommitmentLetter: r.hasCommitmentLetter === true,
        testReportAt: (r.testReportAt as Date | null) ?? null,
        openedAt: r.openedAt as Date,
        lastDocumentAt: (r.lastDocumentAt as Date | null) ?? null,
      },
      { recordedAt: m.recordedAt, occurredAt: m.at },
      reason,
    );
    if (!verdict.ok) m.problem(`request ${p.requestId}: ${verdict.message}`);
    const basis = verdict.ok ? verdict.basis : null;
    move(m, p.requestId, "approved", {
      decidedAt: decided(m, r),
      decisionNote: p.note ?? null,
      overrideReason: basis === "override" ? (reason ?? null) : null,
      releaseBasis: basis,
    });
  },
  "request.rejected": (m, p) =>
    void move(m, p.requestId, "rejected", { decidedAt: decided(m, requestRow(m, p.requestId)), decisionNote: p.reason }),
  "request.fulfilled": (m, p) => void move(m, p.requestId, "fulfilled"),
  "request.cancelled": (m, p) => void move(m, p.requestId, "cancelled", { decidedAt: decided(m, requestRow(m, p.requestId)) }),
  "alert.acknowledged": (m, p) => {
    let found: [string, Row] | undefined;
    for (const [seq, a] of alerts(m)) {
      if (a.community !== m.community) continue;
      const match = "alertId" in p ? Number(seq) === p.alertId : a.requestId === p.requestId;
      if (match && (!found || Number(seq) > Number(found[0]))) found = [seq, a];
    }
    const what = "alertId" in p ? `alert ${p.alertId}` : `the alert for request ${p.requestId}`;
    if (!found) return m.problem(`${what} does not exist`);
    const a = found[1];
    if (a.acknowledgedAt !== null || a.resolvedAt !== null) return m.problem(`${what} is already acknowledged or resolved`);
    a.acknowledgedAt = m.at;
  },
};
