// Why: who is outside through the gate now, since when and due back when: the desk's list and the wall's anonymous one.
import { and, asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, requests } from "../../drizzle/schema";
import { type Masking, maskName } from "../domain/masking";
import { isOverdue } from "../domain/passes";

/** Every holder out now in `community`, longest out first; `person` masked for a volunteer. */
export async function readOutside(db: Db, community: string, masking: Masking, now = new Date()) {
  const rows = await db
    .select({ r: requests, unit: households.unit, building: buildings.label, buildingId: households.buildingId })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(and(eq(requests.community, community), isNotNull(requests.passOutAt)))
    .orderBy(asc(requests.passOutAt), asc(requests.requestId));
  return rows.map(({ r, unit, building, buildingId }) => ({
    requestId: r.requestId,
    kind: r.kind,
    buildingId,
    building: building ?? buildingId,
    unit,
    person: r.person && masking === "masked" ? maskName(r.person) : r.person,
    outAt: (r.passOutAt as Date).toISOString(),
    returnBy: r.passReturnBy?.toISOString() ?? null,
    overdue: isOverdue(r.passReturnBy, now),
  }));
}

/**
 * Passes used once and back inside, still valid (the holder may go out again): until when, so the desk can ask
 * for a new report before one lapses. Approved and unused passes are on the desk's request queue instead.
 */
export async function readPassesInside(db: Db, community: string, masking: Masking, now = new Date()) {
  const rows = await db
    .select({ r: requests, unit: households.unit, building: buildings.label, buildingId: households.buildingId })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(
      and(
        eq(requests.community, community),
        eq(requests.status, "fulfilled"),
        isNotNull(requests.passSeq),
        isNull(requests.passOutAt),
        gt(requests.passUntil, now),
      ),
    )
    .orderBy(asc(requests.passUntil), asc(requests.requestId));
  return rows.map(({ r, unit, building, buildingId }) => ({
    requestId: r.requestId,
    kind: r.kind,
    building: building ?? buildingId,
    unit,
    person: r.person && masking === "masked" ? maskName(r.person) : r.person,
    until: (r.passUntil as Date).toISOString(),
    tripHours: r.passTripHours,
  }));
}
