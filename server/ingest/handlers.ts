import { and, eq, isNull } from "drizzle-orm";
import { alerts, buildings, households, requests, rounds, roundTests, volunteers } from "../../drizzle/schema";
import type { RequestStatus } from "../../drizzle/schema/constants";
import { checkRelease, countsAsPending, type RequestAction, transition } from "../domain/requests";
import { conflict } from "../errors";
import type { EventType, Payload } from "../protocol/events";
import type { ApplyContext } from "./batch";
import { clearDemo } from "./demo-clear";
import { registerPost, resolvePost } from "./posts";
import { acknowledgeAlert, bumpActivity, raiseUrgentAlert, resolveRequestAlerts, setPostMinimum } from "./wall-effects";

type Handler<T extends EventType> = (c: ApplyContext, p: Payload<T>) => Promise<void>;
type Handlers = { [T in EventType]: Handler<T> };

async function building(c: ApplyContext, buildingId: string) {
  const [b] = await c.tx
    .select()
    .from(buildings)
    .where(and(eq(buildings.community, c.community), eq(buildings.buildingId, buildingId)));
  if (!b) throw conflict("building_unknown", { buildingId }, "payload.buildingId");
  return b;
}

async function household(c: ApplyContext, householdId: string) {
  const [h] = await c.tx
    .select({ householdId: households.householdId, buildingId: households.buildingId })
    .from(households)
    .where(and(eq(households.community, c.community), eq(households.householdId, householdId)));
  if (!h) throw conflict("household_unknown", { householdId }, "payload.householdId");
  return h;
}

async function volunteer(c: ApplyContext, volunteerId: string) {
  const [v] = await c.tx
    .select({ onDuty: volunteers.onDuty })
    .from(volunteers)
    .where(and(eq(volunteers.community, c.community), eq(volunteers.volunteerId, volunteerId)));
  if (!v) throw conflict("volunteer_unknown", { volunteerId }, "payload.volunteerId");
  return v;
}

async function round(c: ApplyContext, roundId: string) {
  const [r] = await c.tx
    .select({ closedAt: rounds.closedAt })
    .from(rounds)
    .where(and(eq(rounds.community, c.community), eq(rounds.roundId, roundId)));
  if (!r) throw conflict("round_unknown", { roundId }, "payload.roundId");
  return r;
}

async function request(c: ApplyContext, requestId: string) {
  const [r] = await c.tx
    .select()
    .from(requests)
    .where(and(eq(requests.community, c.community), eq(requests.requestId, requestId)));
  if (!r) throw conflict("request_unknown", { requestId }, "payload.requestId");
  return r;
}

const requestKey = (c: ApplyContext, requestId: string) => and(eq(requests.community, c.community), eq(requests.requestId, requestId));

/** Moves a request to its next status and keeps the pending/urgent counters right. */
async function moveRequest(c: ApplyContext, requestId: string, action: RequestAction, extra: Partial<typeof requests.$inferInsert> = {}) {
  const r = await request(c, requestId);
  const from = r.status as RequestStatus;
  const t = transition(from, action);
  if (!t.ok) throw conflict(t.reason, { requestId, ...t.params }, "payload.requestId");
  await c.tx
    .update(requests)
    .set({ status: t.to, ...extra })
    .where(requestKey(c, requestId));
  const delta = Number(countsAsPending(t.to)) - Number(countsAsPending(from));
  if (delta !== 0) {
    c.effects.add(c.community, "pendingRequests", delta);
    if (r.urgent) c.effects.add(c.community, "urgentRequests", delta);
    bumpActivity(c, { pending: delta });
  }
  if (from === "pending" && t.to !== "pending") await resolveRequestAlerts(c, requestId);
  return r;
}

/** Rule check and projection update for each event type; they throw a 409 AppError when the state forbids the event. */
export const HANDLERS: Handlers = {
  async "building.registered"(c, p) {
    const inserted = await c.tx
      .insert(buildings)
      .values({ community: c.community, buildingId: p.buildingId, label: p.label })
      .onConflictDoNothing()
      .returning({ id: buildings.buildingId });
    if (inserted.length === 0) throw conflict("building_already_registered", { buildingId: p.buildingId }, "payload.buildingId");
    c.effects.add(c.community, "buildingsTotal", 1);
  },
  async "household.registered"(c, p) {
    await building(c, p.buildingId);
    const inserted = await c.tx
      .insert(households)
      .values({
        community: c.community,
        householdId: p.householdId,
        buildingId: p.buildingId,
        unit: p.unit,
        residents: p.residents,
        contactName: p.contact?.name ?? null,
        contactPhone: p.contact?.phone ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: households.householdId });
    if (inserted.length === 0) throw conflict("household_already_registered", { householdId: p.householdId }, "payload.householdId");
    c.effects.add(c.community, "householdsTotal", 1);
  },
  async "volunteer.registered"(c, p) {
    const inserted = await c.tx
      .insert(volunteers)
      .values({ community: c.community, volunteerId: p.volunteerId, name: p.name, phone: p.phone ?? null, skills: p.skills })
      .onConflictDoNothing()
      .returning({ id: volunteers.volunteerId });
    if (inserted.length === 0) throw conflict("volunteer_already_registered", { volunteerId: p.volunteerId }, "payload.volunteerId");
    c.effects.add(c.community, "volunteersTotal", 1);
  },
  /** Replaces unit, residents and contact; no count moves. A household stays in its building. */
  async "household.updated"(c, p) {
    const h = await household(c, p.householdId);
    if (h.buildingId !== p.buildingId)
      throw conflict(
        "household_other_building",
        { householdId: p.householdId, buildingId: h.buildingId, asked: p.buildingId },
        "payload.buildingId",
      );
    await c.tx
      .update(households)
      .set({ unit: p.unit, residents: p.residents, contactName: p.contact?.name ?? null, contactPhone: p.contact?.phone ?? null })
      .where(and(eq(households.community, c.community), eq(households.householdId, p.householdId)));
  },
  /** Replaces name, phone and skills; duty (on duty, post) and the counts are untouched. */
  async "volunteer.updated"(c, p) {
    await volunteer(c, p.volunteerId);
    await c.tx
      .update(volunteers)
      .set({ name: p.name, phone: p.phone ?? null, skills: p.skills })
      .where(and(eq(volunteers.community, c.community), eq(volunteers.volunteerId, p.volunteerId)));
  },
  async "round.opened"(c, p) {
    const [open] = await c.tx
      .select({ roundId: rounds.roundId })
      .from(rounds)
      .where(and(eq(rounds.community, c.community), isNull(rounds.closedAt)));
    if (open) throw conflict("round_still_open", { roundId: open.roundId }, "payload.roundId");
    const inserted = await c.tx
      .insert(rounds)
      .values({ community: c.community, roundId: p.roundId, kind: p.kind, label: p.label ?? null, openedAt: c.at })
      .onConflictDoNothing()
      .returning({ id: rounds.roundId });
    if (inserted.length === 0) throw conflict("round_already_opened", { roundId: p.roundId }, "payload.roundId");
    c.effects.currentRound.set(c.community, p.roundId);
  },
  async "round.closed"(c, p) {
    const r = await round(c, p.roundId);
    if (r.closedAt) throw conflict("round_already_closed", { roundId: p.roundId }, "payload.roundId");
    await c.tx
      .update(rounds)
      .set({ closedAt: c.at })
      .where(and(eq(rounds.community, c.community), eq(rounds.roundId, p.roundId)));
  },
  async "household.tested"(c, p) {
    const r = await round(c, p.roundId);
    if (r.closedAt) throw conflict("round_closed", { roundId: p.roundId }, "payload.roundId");
    await household(c, p.householdId);
    const inserted = await c.tx
      .insert(roundTests)
      .values({
        community: c.community,
        roundId: p.roundId,
        householdId: p.householdId,
        testedAt: c.at,
        residentsTested: p.residentsTested ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: roundTests.householdId });
    if (inserted.length > 0) {
      c.effects.addTested(c.community, p.roundId);
      bumpActivity(c, { tests: 1 });
    }
  },
  async "test.result"(c, p) {
    await round(c, p.roundId);
    const h = await household(c, p.householdId);
    const updated = await c.tx
      .update(roundTests)
      .set({ result: p.result })
      .where(and(eq(roundTests.community, c.community), eq(roundTests.roundId, p.roundId), eq(roundTests.householdId, p.householdId)))
      .returning({ id: roundTests.householdId });
    if (updated.length === 0)
      throw conflict("household_not_tested", { householdId: p.householdId, roundId: p.roundId }, "payload.householdId");
    if (p.result === "positive") {
      await c.tx.insert(alerts).values({
        seq: c.seq,
        community: c.community,
        kind: "positive_result",
        buildingId: h.buildingId,
        householdId: p.householdId,
        raisedAt: c.at,
      });
    }
  },
  async "building.sealed"(c, p) {
    const b = await building(c, p.buildingId);
    await c.tx
      .update(buildings)
      .set({ sealed: true, sealedReason: p.reason ?? b.sealedReason, sealedAt: b.sealed ? b.sealedAt : c.at })
      .where(and(eq(buildings.community, c.community), eq(buildings.buildingId, p.buildingId)));
    if (!b.sealed) c.effects.add(c.community, "buildingsSealed", 1);
  },
  async "building.unsealed"(c, p) {
    const b = await building(c, p.buildingId);
    if (!b.sealed) throw conflict("building_not_sealed", { buildingId: p.buildingId }, "payload.buildingId");
    await c.tx
      .update(buildings)
      .set({ sealed: false, sealedReason: null, sealedAt: null })
      .where(and(eq(buildings.community, c.community), eq(buildings.buildingId, p.buildingId)));
    c.effects.add(c.community, "buildingsSealed", -1);
  },
  async "volunteer.checked_in"(c, p) {
    const v = await volunteer(c, p.volunteerId);
    if (v.onDuty) throw conflict("volunteer_already_on_duty", { volunteerId: p.volunteerId }, "payload.volunteerId");
    // 门岗, Gate or gate: the registered post's id, in the projection and in the feed (append.ts writes the payload after this).
    p.post = await resolvePost(c, p.post);
    await c.tx
      .update(volunteers)
      .set({ onDuty: true, post: p.post, since: c.at })
      .where(and(eq(volunteers.community, c.community), eq(volunteers.volunteerId, p.volunteerId)));
    c.effects.add(c.community, "volunteersOnDuty", 1);
    bumpActivity(c, { onDuty: 1 });
  },
  async "volunteer.checked_out"(c, p) {
    const v = await volunteer(c, p.volunteerId);
    if (!v.onDuty) throw conflict("volunteer_not_on_duty", { volunteerId: p.volunteerId }, "payload.volunteerId");
    await c.tx
      .update(volunteers)
      .set({ onDuty: false, post: null, since: null })
      .where(and(eq(volunteers.community, c.community), eq(volunteers.volunteerId, p.volunteerId)));
    c.effects.add(c.community, "volunteersOnDuty", -1);
    bumpActivity(c, { onDuty: -1 });
  },
  async "request.opened"(c, p) {
    const h = await household(c, p.householdId);
    const urgent = p.urgent ?? false;
    const inserted = await c.tx
      .insert(requests)
      .values({
        community: c.community,
        requestId: p.requestId,
        householdId: p.householdId,
        kind: p.kind,
        urgent,
        note: p.note ?? null,
        person: p.person ?? null,
        status: "pending",
        openedAt: c.at,
      })
      .onConflictDoNothing()
      .returning({ id: requests.requestId });
    if (inserted.length === 0) throw conflict("request_already_exists", { requestId: p.requestId }, "payload.requestId");
    c.effects.add(c.community, "pendingRequests", 1);
    if (urgent) c.effects.add(c.community, "urgentRequests", 1);
    bumpActivity(c, { pending: 1 });
    if (urgent) await raiseUrgentAlert(c, p.requestId, h.buildingId);
  },
  async "request.document_added"(c, p) {
    const r = await request(c, p.requestId);
    const t = transition(r.status as RequestStatus, "document_added");
    if (!t.ok) throw conflict(t.reason, { requestId: p.requestId, ...t.params }, "payload.requestId");
    const lastDocumentAt = r.lastDocumentAt && r.lastDocumentAt.getTime() > c.at.getTime() ? r.lastDocumentAt : c.at;
    if (p.document === "commitment_letter") {
      await c.tx.update(requests).set({ hasCommitmentLetter: true, lastDocumentAt }).where(requestKey(c, p.requestId));
      return;
    }
    const testedAt = new Date(p.testedAt);
    if (testedAt.getTime() > c.at.getTime() + 5 * 60_000) throw conflict("test_report_after_event", {}, "payload.testedAt");
    const newest = !r.testReportAt || r.testReportAt.getTime() < testedAt.getTime() ? testedAt : r.testReportAt;
    await c.tx.update(requests).set({ testReportAt: newest, lastDocumentAt }).where(requestKey(c, p.requestId));
  },
  async "request.approved"(c, p) {
    const r = await request(c, p.requestId);
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
    await moveRequest(c, p.requestId, "approved", {
      decidedAt: c.at,
      decisionNote: p.note ?? null,
      overrideReason: release.basis === "override" ? (p.override?.reason ?? null) : null,
      releaseBasis: release.basis,
    });
  },
  async "request.rejected"(c, p) {
    await moveRequest(c, p.requestId, "rejected", { decidedAt: c.at, decisionNote: p.reason });
  },
  async "request.fulfilled"(c, p) {
    await moveRequest(c, p.requestId, "fulfilled");
  },
  async "request.cancelled"(c, p) {
    await moveRequest(c, p.requestId, "cancelled", { decidedAt: c.at });
  },
  "alert.acknowledged": acknowledgeAlert,
  async "post.minimum_set"(c, p) {
    p.post = await resolvePost(c, p.post);
    await setPostMinimum(c, p);
  },
  "post.registered": registerPost,
  async "demo.loaded"(c) {
    c.effects.demo.add(c.community);
  },
  "demo.cleared": clearDemo,
};
