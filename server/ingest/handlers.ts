import { and, eq, isNull } from "drizzle-orm";
import { alerts, buildings, households, requests, rounds, roundTests, volunteers } from "../../drizzle/schema";
import type { RequestStatus } from "../../drizzle/schema/constants";
import { checkRelease, countsAsPending, type RequestAction, transition } from "../domain/requests";
import { conflict } from "../errors";
import type { EventType, Payload } from "../protocol/events";
import type { ApplyContext } from "./batch";
import { acknowledgeAlert, bumpActivity, raiseUrgentAlert, resolveRequestAlerts, setPostMinimum } from "./wall-effects";

type Handler<T extends EventType> = (c: ApplyContext, p: Payload<T>) => Promise<void>;
type Handlers = { [T in EventType]: Handler<T> };

async function building(c: ApplyContext, buildingId: string) {
  const [b] = await c.tx
    .select()
    .from(buildings)
    .where(and(eq(buildings.community, c.community), eq(buildings.buildingId, buildingId)));
  if (!b) throw conflict(`building ${buildingId} is not registered; register it first (building.registered)`, "payload.buildingId");
  return b;
}

async function household(c: ApplyContext, householdId: string) {
  const [h] = await c.tx
    .select({ householdId: households.householdId, buildingId: households.buildingId })
    .from(households)
    .where(and(eq(households.community, c.community), eq(households.householdId, householdId)));
  if (!h) throw conflict(`household ${householdId} is not registered; register it first (household.registered)`, "payload.householdId");
  return h;
}

async function volunteer(c: ApplyContext, volunteerId: string) {
  const [v] = await c.tx
    .select({ onDuty: volunteers.onDuty })
    .from(volunteers)
    .where(and(eq(volunteers.community, c.community), eq(volunteers.volunteerId, volunteerId)));
  if (!v) throw conflict(`volunteer ${volunteerId} is not registered; register them first (volunteer.registered)`, "payload.volunteerId");
  return v;
}

async function round(c: ApplyContext, roundId: string) {
  const [r] = await c.tx
    .select({ closedAt: rounds.closedAt })
    .from(rounds)
    .where(and(eq(rounds.community, c.community), eq(rounds.roundId, roundId)));
  if (!r) throw conflict(`round ${roundId} is unknown; open it first (round.opened)`, "payload.roundId");
  return r;
}

async function request(c: ApplyContext, requestId: string) {
  const [r] = await c.tx
    .select()
    .from(requests)
    .where(and(eq(requests.community, c.community), eq(requests.requestId, requestId)));
  if (!r) throw conflict(`request ${requestId} is unknown; open it first (request.opened)`, "payload.requestId");
  return r;
}

const requestKey = (c: ApplyContext, requestId: string) => and(eq(requests.community, c.community), eq(requests.requestId, requestId));

/** Moves a request to its next status and keeps the pending/urgent counters right. */
async function moveRequest(c: ApplyContext, requestId: string, action: RequestAction, extra: Partial<typeof requests.$inferInsert> = {}) {
  const r = await request(c, requestId);
  const from = r.status as RequestStatus;
  const t = transition(from, action);
  if (!t.ok) throw conflict(`request ${requestId}: ${t.message}`, "payload.requestId");
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
    if (inserted.length === 0) throw conflict(`building ${p.buildingId} is already registered`, "payload.buildingId");
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
    if (inserted.length === 0) throw conflict(`household ${p.householdId} is already registered`, "payload.householdId");
    c.effects.add(c.community, "householdsTotal", 1);
  },
  async "volunteer.registered"(c, p) {
    const inserted = await c.tx
      .insert(volunteers)
      .values({ community: c.community, volunteerId: p.volunteerId, name: p.name, phone: p.phone ?? null, skills: p.skills })
      .onConflictDoNothing()
      .returning({ id: volunteers.volunteerId });
    if (inserted.length === 0) throw conflict(`volunteer ${p.volunteerId} is already registered`, "payload.volunteerId");
    c.effects.add(c.community, "volunteersTotal", 1);
  },
  async "round.opened"(c, p) {
    const [open] = await c.tx
      .select({ roundId: rounds.roundId })
      .from(rounds)
      .where(and(eq(rounds.community, c.community), isNull(rounds.closedAt)));
    if (open) throw conflict(`round ${open.roundId} is still open; close it first (round.closed)`, "payload.roundId");
    const inserted = await c.tx
      .insert(rounds)
      .values({ community: c.community, roundId: p.roundId, kind: p.kind, label: p.label ?? null, openedAt: c.at })
      .onConflictDoNothing()
      .returning({ id: rounds.roundId });
    if (inserted.length === 0) throw conflict(`round ${p.roundId} was already opened once; use a new roundId`, "payload.roundId");
    c.effects.currentRound.set(c.community, p.roundId);
  },
  async "round.closed"(c, p) {
    const r = await round(c, p.roundId);
    if (r.closedAt) throw conflict(`round ${p.roundId} is already closed`, "payload.roundId");
    await c.tx
      .update(rounds)
      .set({ closedAt: c.at })
      .where(and(eq(rounds.community, c.community), eq(rounds.roundId, p.roundId)));
  },
  async "household.tested"(c, p) {
    const r = await round(c, p.roundId);
    if (r.closedAt) throw conflict(`round ${p.roundId} is closed; tests go into the open round`, "payload.roundId");
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
      throw conflict(`household ${p.householdId} has no test in round ${p.roundId}; record household.tested first`, "payload.householdId");
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
    if (!b.sealed) throw conflict(`building ${p.buildingId} is not sealed`, "payload.buildingId");
    await c.tx
      .update(buildings)
      .set({ sealed: false, sealedReason: null, sealedAt: null })
      .where(and(eq(buildings.community, c.community), eq(buildings.buildingId, p.buildingId)));
    c.effects.add(c.community, "buildingsSealed", -1);
  },
  async "volunteer.checked_in"(c, p) {
    const v = await volunteer(c, p.volunteerId);
    if (v.onDuty) throw conflict(`volunteer ${p.volunteerId} is already on duty; check them out first`, "payload.volunteerId");
    await c.tx
      .update(volunteers)
      .set({ onDuty: true, post: p.post, since: c.at })
      .where(and(eq(volunteers.community, c.community), eq(volunteers.volunteerId, p.volunteerId)));
    c.effects.add(c.community, "volunteersOnDuty", 1);
    bumpActivity(c, { onDuty: 1 });
  },
  async "volunteer.checked_out"(c, p) {
    const v = await volunteer(c, p.volunteerId);
    if (!v.onDuty) throw conflict(`volunteer ${p.volunteerId} is not on duty`, "payload.volunteerId");
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
    if (inserted.length === 0) throw conflict(`request ${p.requestId} already exists; use a new requestId`, "payload.requestId");
    c.effects.add(c.community, "pendingRequests", 1);
    if (urgent) c.effects.add(c.community, "urgentRequests", 1);
    bumpActivity(c, { pending: 1 });
    if (urgent) await raiseUrgentAlert(c, p.requestId, h.buildingId);
  },
  async "request.document_added"(c, p) {
    const r = await request(c, p.requestId);
    const t = transition(r.status as RequestStatus, "document_added");
    if (!t.ok) throw conflict(`request ${p.requestId}: ${t.message}`, "payload.requestId");
    if (p.document === "commitment_letter") {
      await c.tx.update(requests).set({ hasCommitmentLetter: true }).where(requestKey(c, p.requestId));
      return;
    }
    const testedAt = new Date(p.testedAt);
    if (testedAt.getTime() > c.at.getTime() + 5 * 60_000)
      throw conflict("the test report's testedAt is later than the event itself; check the date", "payload.testedAt");
    if (!r.testReportAt || r.testReportAt.getTime() < testedAt.getTime())
      await c.tx.update(requests).set({ testReportAt: testedAt }).where(requestKey(c, p.requestId));
  },
  async "request.approved"(c, p) {
    const r = await request(c, p.requestId);
    const t = transition(r.status as RequestStatus, "approved");
    if (!t.ok) throw conflict(`request ${p.requestId}: ${t.message}`, "payload.requestId");
    const release = checkRelease(
      { kind: r.kind as never, urgent: r.urgent, hasCommitmentLetter: r.hasCommitmentLetter, testReportAt: r.testReportAt },
      c.at,
      p.override?.reason,
    );
    if (!release.ok) throw conflict(`request ${p.requestId}: ${release.message}`, "payload.override");
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
  "post.minimum_set": setPostMinimum,
  async "demo.loaded"(c) {
    c.effects.demo.add(c.community);
  },
};
