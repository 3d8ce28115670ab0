import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, requests } from "../../drizzle/schema";
import type { RequestKind } from "../../drizzle/schema/constants";
import { checkRelease } from "../domain/requests";

/**
 * Open requests with what the secretary decides on: the person and note, the building, the
 * documents, and whether the release rule would let it go now (and if not, what is missing).
 */
export async function readOpenRequests(db: Db, community: string, now = new Date()) {
  const rows = await db
    .select({ r: requests, unit: households.unit, buildingId: households.buildingId, building: buildings.label })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(and(eq(requests.community, community), inArray(requests.status, ["pending", "approved"])))
    .orderBy(asc(requests.openedAt));
  return rows.map(({ r, unit, buildingId, building }) => {
    const release = checkRelease(
      { kind: r.kind as RequestKind, urgent: r.urgent, hasCommitmentLetter: r.hasCommitmentLetter, testReportAt: r.testReportAt },
      now,
      undefined,
    );
    return {
      requestId: r.requestId,
      householdId: r.householdId,
      buildingId,
      building: building ?? buildingId,
      unit,
      kind: r.kind,
      urgent: r.urgent,
      status: r.status,
      person: r.person,
      note: r.note,
      openedAt: r.openedAt.toISOString(),
      documents: { commitmentLetter: r.hasCommitmentLetter, testReportAt: r.testReportAt?.toISOString() ?? null },
      release: release.ok ? { ok: true as const, basis: release.basis } : { ok: false as const, missing: release.missing },
    };
  });
}
