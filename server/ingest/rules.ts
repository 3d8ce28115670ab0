// Why: every rule of the feed, applied in memory to the state a group of appends read, in event order.

import { checkIn, checkOut, issuesPass, passTerms, returnByOf } from "../domain/passes";
import { RESIDENT_MAX_PENDING } from "../domain/permissions";
import {
  CLOCK_SLACK_MS,
  checkRelease,
  countsAsPending,
  decisionTime,
  type RequestAction,
  reportInFuture,
  reportTime,
  transition,
} from "../domain/requests";
import { bucketStart } from "../domain/wall-series";
import { conflict, fail } from "../errors";
import type { EventType, Payload } from "../protocol/events";
import type { Params } from "../protocol/reasons";
import type { RequestStatus, Role } from "../protocol/vocabularies";
import type { BatchEffects } from "./batch";
import type { CorrectionType } from "./rules-corrections";
import { type Alert, type Household, key, type Request, type State } from "./state";

/** What a rule gets to apply one event. */
export interface RuleContext {
  state: State;
  community: string;
  /** The event's occurredAt (the caller's date, or now). */
  at: Date;
  /** When the server records it: read under the feed lock, so it rises with seq. */
  recordedAt: Date;
  seq: number;
  effects: BatchEffects;
  /** A household's own token posted the event: it acts for that household's requests only. */
  resident?: { community: string; householdId: string };
  /** Who posts it, as the feed records it (`volunteer:<id>` or a token's label), and the token's role. */
  actor?: string;
  role?: Role;
}

/** A request's pass columns before any approval. */
const NO_PASS = { passSeq: null, passUntil: null, passTripHours: null, passOutAt: null, passReturnBy: null } as const;

type Rule<T extends EventType> = (c: RuleContext, p: Payload<T>) => void;
type Rules = { [T in Exclude<EventType, "demo.cleared" | CorrectionType>]: Rule<T> };

/** Adds to the 15-minute activity bucket of the event's time; the group writes each bucket once. */
export function bumpActivity(c: RuleContext, d: { tests?: number; onDuty?: number; pending?: number }): void {
  const start = bucketStart(c.at);
  const k = `${c.community}\u0000${start}`;
  const a = c.effects.activity.get(k) ?? { community: c.community, bucketStart: start, tests: 0, onDuty: 0, pending: 0 };
  a.tests += d.tests ?? 0;
  a.onDuty += d.onDuty ?? 0;
  a.pending += d.pending ?? 0;
  c.effects.activity.set(k, a);
}

function building(c: RuleContext, buildingId: string) {
  const b = c.state.get("buildings", key(c.community, buildingId));
  if (!b) throw conflict("building_unknown", { buildingId }, "payload.buildingId");
  return b;
}

export function household(c: RuleContext, householdId: string) {
  const h = c.state.get("households", key(c.community, householdId));
  if (!h) throw conflict("household_unknown", { householdId }, "payload.householdId");
  return h;
}

export function volunteer(c: RuleContext, volunteerId: string) {
  const v = c.state.get("volunteers", key(c.community, volunteerId));
  if (!v) throw conflict("volunteer_unknown", { volunteerId }, "payload.volunteerId");
  return v;
}

export function round(c: RuleContext, roundId: string) {
  const r = c.state.get("rounds", key(c.community, roundId));
  if (!r) throw conflict("round_unknown", { roundId }, "payload.roundId");
  return r;
}

/** A household to test: someone lives there (residents, and not marked vacant or moved out). */
export const toTest = (h: Pick<Household, "residents" | "status">) => h.residents > 0 && !h.status;

/**
 * A household not lived in is not one to test, so it is not counted as tested either: its tap in the current round
 * (the open one, or the last opened: the round the counts and the wall show) is set aside (kept, with any result
 * and alarm, but out of the round's tested count) while it is not one to test, and counts again when it is, while
 * that round is still current. Earlier rounds keep their counts.
 */
export function followTap(c: RuleContext, householdId: string) {
  const roundId = c.state.currentRound.get(c.community);
  if (!roundId) return;
  const k = key(c.community, roundId, householdId);
  const t = c.state.get("roundTests", k);
  const aside = !toTest(household(c, householdId));
  if (!t || Boolean(t.setAsideAt) === aside) return;
  const r = round(c, roundId);
  c.state.put("roundTests", k, { ...t, setAsideAt: aside ? c.at : null });
  c.state.put("rounds", key(c.community, roundId), { ...r, testedCount: r.testedCount + (aside ? -1 : 1) });
}

function request(c: RuleContext, requestId: string) {
  const r = c.state.get("requests", key(c.community, requestId));
  if (!r) throw conflict("request_unknown", { requestId }, "payload.requestId");
  if (c.resident && r.householdId !== c.resident.householdId)
    throw fail("forbidden", "resident_other_household", { householdId: c.resident.householdId });
  return r;
}

/** A decision's time: its date, never before its request's (opened by a phone a few minutes fast); 409 when dated well before. */
function decidedAt(c: RuleContext, requestId: string): Date {
  const d = decisionTime(request(c, requestId).openedAt, c.at);
  if (!d.ok) throw conflict(d.reason.reason, { requestId, slackMinutes: CLOCK_SLACK_MS / 60_000 }, "occurredAt");
  return d.at;
}

/** A resident opening a request: at most RESIDENT_MAX_PENDING of its household's requests wait for a decision. */
function assertPendingRoom(c: RuleContext, householdId: string): void {
  if (!c.resident) return;
  let pending = 0;
  for (const r of c.state.all("requests", c.community)) if (r.householdId === householdId && r.status === "pending") pending++;
  if (pending >= RESIDENT_MAX_PENDING)
    throw conflict("too_many_pending", { householdId, max: RESIDENT_MAX_PENDING }, "payload.householdId");
}

const alertsOf = (c: RuleContext, requestId: string): Alert[] =>
  [...c.state.all("alerts", c.community)].filter((a) => a.requestId === requestId);

/** Moves a request to its next status and keeps the pending/urgent counters right. */
function moveRequest(c: RuleContext, requestId: string, action: RequestAction, extra: Partial<Request> = {}) {
  const r = request(c, requestId);
  const from = r.status as RequestStatus;
  const t = transition(from, action);
  if (!t.ok) throw conflict(t.reason, { requestId, ...t.params }, "payload.requestId");
  c.state.put("requests", key(c.community, requestId), { ...r, status: t.to, ...extra });
  const delta = Number(countsAsPending(t.to)) - Number(countsAsPending(from));
  if (delta !== 0) {
    c.effects.add(c.community, "pendingRequests", delta);
    if (r.urgent) c.effects.add(c.community, "urgentRequests", delta);
    bumpActivity(c, { pending: delta });
  }
  // A request that left the pending state: its alarm is over.
  if (from === "pending" && t.to !== "pending")
    for (const a of alertsOf(c, requestId)) if (!a.resolvedAt) c.state.put("alerts", String(a.seq), { ...a, resolvedAt: c.at });
  return r;
}

const folded = (s: string) => s.trim().toLowerCase();

/** The community's registered posts that `texts` name by id or by either name (any case, trimmed). */
function postsNamed(c: RuleContext, texts: string[]) {
  const keys = new Set(texts.map(folded));
  return [...c.state.all("posts", c.community)]
    .filter((p) => keys.has(folded(p.post)) || keys.has(folded(p.nameZh)) || keys.has(folded(p.nameEn)))
    .sort((a, b) => a.seq - b.seq);
}

/** The registered post's id when `text` is its id or either name; otherwise `text` as it came (free text is still accepted). */
const resolvePost = (c: RuleContext, text: string) => postsNamed(c, [text])[0]?.post ?? text;

function newAlert(c: RuleContext, a: Omit<Alert, "seq" | "community" | "raisedAt" | "resolvedAt" | "acknowledgedAt">) {
  c.state.put("alerts", String(c.seq), {
    seq: c.seq,
    community: c.community,
    raisedAt: c.at,
    resolvedAt: null,
    acknowledgedAt: null,
    ...a,
  });
}

/** Rule check and projection change for each event type; a 409 AppError when the state forbids the event. */
export const RULES: Rules = {
  "building.registered"(c, p) {
    const k = key(c.community, p.buildingId);
    if (c.state.get("buildings", k)) throw conflict("building_already_registered", { buildingId: p.buildingId }, "payload.buildingId");
    c.state.put("buildings", k, {
      community: c.community,
      buildingId: p.buildingId,
      label: p.label,
      sealed: false,
      sealedReason: null,
      sealedAt: null,
    });
    c.effects.add(c.community, "buildingsTotal", 1);
  },
  "household.registered"(c, p) {
    building(c, p.buildingId);
    const k = key(c.community, p.householdId);
    if (c.state.get("households", k)) throw conflict("household_already_registered", { householdId: p.householdId }, "payload.householdId");
    c.state.put("households", k, {
      community: c.community,
      householdId: p.householdId,
      buildingId: p.buildingId,
      unit: p.unit,
      residents: p.residents,
      contactName: p.contact?.name ?? null,
      contactPhone: p.contact?.phone ?? null,
      contactOtherPhones: p.contact?.otherPhones ?? null,
    });
    // A vacant flat (no residents) is registered but is not a household to test (v1.2).
    if (p.residents > 0) c.effects.add(c.community, "householdsTotal", 1);
  },
  "volunteer.registered"(c, p) {
    const k = key(c.community, p.volunteerId);
    if (c.state.get("volunteers", k)) throw conflict("volunteer_already_registered", { volunteerId: p.volunteerId }, "payload.volunteerId");
    c.state.put("volunteers", k, {
      community: c.community,
      volunteerId: p.volunteerId,
      name: p.name,
      phone: p.phone ?? null,
      skills: p.skills,
      building: p.building ?? null,
      onDuty: false,
      post: null,
      since: null,
    });
    c.effects.add(c.community, "volunteersTotal", 1);
  },
  /** Replaces unit, residents and contact; no count moves. A household stays in its building. */
  "household.updated"(c, p) {
    const h = household(c, p.householdId);
    if (h.buildingId !== p.buildingId)
      throw conflict(
        "household_other_building",
        { householdId: p.householdId, buildingId: h.buildingId, asked: p.buildingId },
        "payload.buildingId",
      );
    c.state.put("households", key(c.community, p.householdId), {
      ...h,
      unit: p.unit,
      residents: p.residents,
      contactName: p.contact?.name ?? null,
      contactPhone: p.contact?.phone ?? null,
      contactOtherPhones: p.contact?.otherPhones ?? null,
    });
    // A flat becoming vacant, or lived in again, leaves or joins the households to test (and its tap the tested).
    if (h.residents > 0 !== p.residents > 0 && !h.status) c.effects.add(c.community, "householdsTotal", p.residents > 0 ? 1 : -1);
    followTap(c, p.householdId);
  },
  /** Replaces name, phone and skills; duty (on duty, post) and the counts are untouched. */
  "volunteer.updated"(c, p) {
    const v = volunteer(c, p.volunteerId);
    c.state.put("volunteers", key(c.community, p.volunteerId), {
      ...v,
      name: p.name,
      phone: p.phone ?? null,
      skills: p.skills,
      building: p.building ?? null,
    });
  },
  /** Only remembered in the feed: the next import of that kind reads the latest one. */
  "registry.mapping_set"() {},
  "round.opened"(c, p) {
    const open = c.state.openRound.get(c.community);
    if (open) throw conflict("round_still_open", { roundId: open }, "payload.roundId");
    const k = key(c.community, p.roundId);
    if (c.state.get("rounds", k)) throw conflict("round_already_opened", { roundId: p.roundId }, "payload.roundId");
    c.state.put("rounds", k, {
      community: c.community,
      roundId: p.roundId,
      kind: p.kind,
      label: p.label ?? null,
      openedAt: c.at,
      closedAt: null,
      testedCount: 0,
    });
    c.state.setOpenRound(c.community, p.roundId);
    c.effects.currentRound.set(c.community, p.roundId);
  },
  "round.closed"(c, p) {
    const r = round(c, p.roundId);
    if (r.closedAt) throw conflict("round_already_closed", { roundId: p.roundId }, "payload.roundId");
    c.state.put("rounds", key(c.community, p.roundId), { ...r, closedAt: c.at });
    if (c.state.openRound.get(c.community) === p.roundId) c.state.setOpenRound(c.community, null);
  },
  "household.tested"(c, p) {
    const r = round(c, p.roundId);
    if (r.closedAt) throw conflict("round_closed", { roundId: p.roundId }, "payload.roundId");
    const h = household(c, p.householdId);
    const k = key(c.community, p.roundId, p.householdId);
    // The first test of a household in a round counts; a second is accepted and changes nothing.
    if (c.state.get("roundTests", k)) return;
    // A flat with no residents is not one to test: a tap on it is kept, set aside (see followTap).
    const counted = toTest(h);
    c.state.put("roundTests", k, {
      community: c.community,
      roundId: p.roundId,
      householdId: p.householdId,
      testedAt: c.at,
      residentsTested: p.residentsTested ?? null,
      result: null,
      setAsideAt: counted ? null : c.at,
    });
    if (counted) c.state.put("rounds", key(c.community, p.roundId), { ...r, testedCount: r.testedCount + 1 });
    bumpActivity(c, { tests: 1 });
  },
  "test.result"(c, p) {
    round(c, p.roundId);
    const h = household(c, p.householdId);
    const k = key(c.community, p.roundId, p.householdId);
    const t = c.state.get("roundTests", k);
    if (!t) throw conflict("household_not_tested", { householdId: p.householdId, roundId: p.roundId }, "payload.householdId");
    c.state.put("roundTests", k, { ...t, result: p.result });
    if (p.result === "positive")
      newAlert(c, { kind: "positive_result", buildingId: h.buildingId, householdId: p.householdId, requestId: null });
  },
  "building.sealed"(c, p) {
    const b = building(c, p.buildingId);
    c.state.put("buildings", key(c.community, p.buildingId), {
      ...b,
      sealed: true,
      sealedReason: p.reason ?? b.sealedReason,
      sealedAt: b.sealed ? b.sealedAt : c.at,
    });
    if (!b.sealed) c.effects.add(c.community, "buildingsSealed", 1);
  },
  "building.unsealed"(c, p) {
    const b = building(c, p.buildingId);
    if (!b.sealed) throw conflict("building_not_sealed", { buildingId: p.buildingId }, "payload.buildingId");
    c.state.put("buildings", key(c.community, p.buildingId), { ...b, sealed: false, sealedReason: null, sealedAt: null });
    c.effects.add(c.community, "buildingsSealed", -1);
  },
  "volunteer.checked_in"(c, p) {
    const v = volunteer(c, p.volunteerId);
    if (v.onDuty) throw conflict("volunteer_already_on_duty", { volunteerId: p.volunteerId }, "payload.volunteerId");
    // 门岗, Gate or gate: the registered post's id, in the projection and in the feed (the payload is written after this).
    p.post = resolvePost(c, p.post);
    c.state.put("volunteers", key(c.community, p.volunteerId), { ...v, onDuty: true, post: p.post, since: c.at });
    c.effects.add(c.community, "volunteersOnDuty", 1);
    bumpActivity(c, { onDuty: 1 });
  },
  "volunteer.checked_out"(c, p) {
    const v = volunteer(c, p.volunteerId);
    if (!v.onDuty) throw conflict("volunteer_not_on_duty", { volunteerId: p.volunteerId }, "payload.volunteerId");
    c.state.put("volunteers", key(c.community, p.volunteerId), { ...v, onDuty: false, post: null, since: null });
    c.effects.add(c.community, "volunteersOnDuty", -1);
    bumpActivity(c, { onDuty: -1 });
  },
  "request.opened"(c, p) {
    const h = household(c, p.householdId);
    const k = key(c.community, p.requestId);
    if (c.state.get("requests", k)) throw conflict("request_already_exists", { requestId: p.requestId }, "payload.requestId");
    assertPendingRoom(c, p.householdId);
    const urgent = p.urgent ?? false;
    c.state.put("requests", k, {
      community: c.community,
      requestId: p.requestId,
      householdId: p.householdId,
      kind: p.kind,
      urgent,
      note: p.note ?? null,
      person: p.person ?? null,
      status: "pending",
      openedAt: c.at,
      hasCommitmentLetter: false,
      testReportAt: null,
      lastDocumentAt: null,
      decidedAt: null,
      decisionNote: null,
      overrideReason: null,
      releaseBasis: null,
      ...NO_PASS,
    });
    c.effects.add(c.community, "pendingRequests", 1);
    if (urgent) c.effects.add(c.community, "urgentRequests", 1);
    bumpActivity(c, { pending: 1 });
    if (urgent) newAlert(c, { kind: "urgent_request", buildingId: h.buildingId, householdId: null, requestId: p.requestId });
  },
  "request.document_added"(c, p) {
    const r = request(c, p.requestId);
    const t = transition(r.status as RequestStatus, "document_added");
    if (!t.ok) throw conflict(t.reason, { requestId: p.requestId, ...t.params }, "payload.requestId");
    const lastDocumentAt = r.lastDocumentAt && r.lastDocumentAt.getTime() > c.at.getTime() ? r.lastDocumentAt : c.at;
    const k = key(c.community, p.requestId);
    if (p.document === "commitment_letter") {
      c.state.put("requests", k, { ...r, hasCommitmentLetter: true, lastDocumentAt });
      return;
    }
    // Counted from no later than the server recorded it: a fast phone's report does not stretch the 48 hours.
    if (reportInFuture(new Date(p.testedAt), c.at, c.recordedAt))
      throw conflict("test_report_in_future", { slackMinutes: CLOCK_SLACK_MS / 60_000 }, "payload.testedAt");
    const testedAt = reportTime(new Date(p.testedAt), c.recordedAt);
    const newest = !r.testReportAt || r.testReportAt.getTime() < testedAt.getTime() ? testedAt : r.testReportAt;
    c.state.put("requests", k, { ...r, testReportAt: newest, lastDocumentAt });
  },
  "request.approved"(c, p) {
    const r = request(c, p.requestId);
    const t = transition(r.status as RequestStatus, "approved");
    if (!t.ok) throw conflict(t.reason, { requestId: p.requestId, ...t.params }, "payload.requestId");
    const release = checkRelease(
      {
        kind: r.kind as never,
        urgent: r.urgent,
        hasCommitmentLetter: r.hasCommitmentLetter,
        testReportAt: r.testReportAt,
        openedAt: r.openedAt,
        lastDocumentAt: r.lastDocumentAt,
      },
      { recordedAt: c.recordedAt, occurredAt: c.at },
      p.override?.reason,
    );
    if (!release.ok) throw conflict(release.reason.reason, { requestId: p.requestId, ...release.reason.params }, "payload.override");
    moveRequest(c, p.requestId, "approved", {
      decidedAt: decidedAt(c, p.requestId),
      decisionNote: p.note ?? null,
      overrideReason: release.basis === "override" ? (p.override?.reason ?? null) : null,
      releaseBasis: release.basis,
    });
    if (issuesPass(r.kind)) {
      const terms = passTerms({ kind: r.kind, basis: release.basis, testReportAt: r.testReportAt }, c.recordedAt, p.pass);
      const approved = request(c, p.requestId);
      c.state.put("requests", key(c.community, p.requestId), {
        ...approved,
        passSeq: c.seq,
        passUntil: terms.until,
        passTripHours: terms.tripHours,
      });
    }
  },
  "request.rejected"(c, p) {
    moveRequest(c, p.requestId, "rejected", { decidedAt: decidedAt(c, p.requestId), decisionNote: p.reason });
  },
  "request.fulfilled"(c, p) {
    moveRequest(c, p.requestId, "fulfilled");
  },
  "request.cancelled"(c, p) {
    moveRequest(c, p.requestId, "cancelled", { decidedAt: decidedAt(c, p.requestId) });
  },
  /** Valid when the server records it; the first one fulfils the request (it leaves the pending count). */
  "gate.out"(c, p) {
    const r = request(c, p.requestId);
    const v = checkOut(r, c.recordedAt);
    if (!v.ok) throw conflict(v.reason, v.params, "payload.requestId");
    if (r.status === "approved") moveRequest(c, p.requestId, "fulfilled");
    const now = request(c, p.requestId);
    c.state.put("requests", key(c.community, p.requestId), {
      ...now,
      passOutAt: c.at,
      passReturnBy: returnByOf(c.at, r.passTripHours),
    });
  },
  "gate.in"(c, p) {
    const r = request(c, p.requestId);
    const v = checkIn(r);
    if (!v.ok) throw conflict(v.reason, v.params, "payload.requestId");
    c.state.put("requests", key(c.community, p.requestId), { ...r, passOutAt: null, passReturnBy: null });
  },
  /** 409 when there is no such alarm, or it is already off the wall. */
  "alert.acknowledged"(c, p) {
    const byId = "alertId" in p;
    const a = byId
      ? (() => {
          const row = c.state.get("alerts", String(p.alertId));
          return row && row.community === c.community ? row : null;
        })()
      : (alertsOf(c, p.requestId).sort((x, y) => y.seq - x.seq)[0] ?? null);
    const which: Params = byId ? { alertId: p.alertId } : { requestId: p.requestId };
    const path = byId ? "payload.alertId" : "payload.requestId";
    if (!a) throw conflict("alert_unknown", which, path);
    if (a.acknowledgedAt) throw conflict("alert_already_acknowledged", which, path);
    if (a.resolvedAt) throw conflict("alert_already_resolved", which, path);
    c.state.put("alerts", String(a.seq), { ...a, acknowledgedAt: c.at });
  },
  /** The threshold under which the wall shows a post as short of volunteers. */
  "post.minimum_set"(c, p) {
    p.post = resolvePost(c, p.post);
    const k = `${c.community}\u0000${p.post}`;
    c.effects.minimums.set(k, { community: c.community, post: p.post, minimum: p.minimum });
  },
  /** 409 when the id is registered, or when a name is already another post's id or name. */
  "post.registered"(c, p) {
    const taken = postsNamed(c, [p.post, p.nameZh, p.nameEn]);
    const same = taken.find((t) => t.post === p.post);
    if (same) throw conflict("post_already_registered", { post: p.post, nameZh: same.nameZh, nameEn: same.nameEn }, "payload.post");
    const other = taken[0];
    if (other) {
      const names = [other.post, other.nameZh, other.nameEn].map(folded);
      const path = names.includes(folded(p.nameZh))
        ? "payload.nameZh"
        : names.includes(folded(p.nameEn))
          ? "payload.nameEn"
          : "payload.post";
      throw conflict("post_name_taken", { post: other.post, nameZh: other.nameZh, nameEn: other.nameEn }, path);
    }
    c.state.put("posts", key(c.community, p.post), {
      community: c.community,
      post: p.post,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      seq: c.seq,
    });
  },
  "demo.loaded"(c) {
    c.effects.demo.add(c.community);
  },
};
