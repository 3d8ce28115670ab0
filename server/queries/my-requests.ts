// Why: a household's own view (GET /api/my/requests): its address, its requests, their documents and decisions, nobody else's.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, requests } from "../../drizzle/schema";
import { passView } from "./passes";
import { readRequestDocuments } from "./request-documents";

/** How many of a household's requests the view lists, newest first. */
const LIMIT = 50;

type Row = typeof requests.$inferSelect;

/** What was decided and why: the basis of a release and its override reason, or a rejection's reason. */
function decisionOf(r: Row) {
  if (r.status === "approved" || r.status === "fulfilled")
    return { basis: r.releaseBasis, reason: r.overrideReason, note: r.decisionNote, decidedAt: r.decidedAt?.toISOString() ?? null };
  if (r.status === "rejected") return { basis: null, reason: r.decisionNote, note: null, decidedAt: r.decidedAt?.toISOString() ?? null };
  return null;
}

/** The household (building label and unit) and its latest requests, each with its documents and decision. */
export async function readMyRequests(db: Db, community: string, householdId: string, passKey?: Buffer, now = new Date()) {
  const [h] = await db
    .select({ householdId: households.householdId, unit: households.unit, buildingId: households.buildingId, building: buildings.label })
    .from(households)
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(and(eq(households.community, community), eq(households.householdId, householdId)));
  const rows = await db
    .select()
    .from(requests)
    .where(and(eq(requests.community, community), eq(requests.householdId, householdId)))
    .orderBy(desc(requests.openedAt), desc(requests.requestId))
    .limit(LIMIT);
  const docs = await readRequestDocuments(
    db,
    community,
    rows.map((r) => r.requestId),
  );
  return {
    household: h ? { householdId, building: h.building ?? h.buildingId, unit: h.unit } : { householdId, building: null, unit: null },
    requests: rows.map((r) => ({
      requestId: r.requestId,
      kind: r.kind,
      urgent: r.urgent,
      person: r.person,
      note: r.note,
      status: r.status,
      openedAt: r.openedAt.toISOString(),
      documents: (docs.get(r.requestId) ?? []).map(({ document, fileId, testedAt }) => ({ document, fileId, testedAt })),
      decision: decisionOf(r),
      // The pass with the code of this moment (and when it changes): the phone shows it as a QR code at the gate.
      pass: passKey && (r.status === "approved" || r.status === "fulfilled") ? passView(passKey, r, now) : null,
    })),
  };
}
