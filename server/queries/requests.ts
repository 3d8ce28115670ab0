import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, requests } from "../../drizzle/schema";
import { type Masking, maskFreeText, maskName } from "../domain/masking";
import { checkRelease, type ReleaseBasis } from "../domain/requests";
import type { RequestKind } from "../protocol/vocabularies";
import { passView } from "./passes";
import { readRequestDocuments } from "./request-documents";

/**
 * Open requests with what the secretary decides on: the person and note, the building, the
 * documents, and whether the release rule would let it go now (and if not, what is missing).
 */
export async function readOpenRequests(db: Db, community: string, masking: Masking = "whole", now = new Date(), passKey?: Buffer) {
  const rows = await db
    .select({ r: requests, unit: households.unit, buildingId: households.buildingId, building: buildings.label })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(and(eq(requests.community, community), inArray(requests.status, ["pending", "approved"])))
    // Urgent first, then the longest waiting: the order the secretary works through them.
    .orderBy(desc(requests.urgent), asc(requests.openedAt), asc(requests.requestId));
  const text = masking === "masked" ? (t: string | null) => t && maskFreeText(t) : (t: string | null) => t;
  // Each document with its file, for the secretary to see beside the verdict.
  const files = await readRequestDocuments(
    db,
    community,
    rows.map(({ r }) => r.requestId),
  );
  return rows.map(({ r, unit, buildingId, building }) => {
    const base = {
      requestId: r.requestId,
      householdId: r.householdId,
      buildingId,
      building: building ?? buildingId,
      unit,
      kind: r.kind,
      urgent: r.urgent,
      person: r.person && masking === "masked" ? maskName(r.person) : r.person,
      note: text(r.note),
      openedAt: r.openedAt.toISOString(),
      documents: { commitmentLetter: r.hasCommitmentLetter, testReportAt: r.testReportAt?.toISOString() ?? null },
      files: (files.get(r.requestId) ?? []).map(({ document, fileId, testedAt }) => ({ document, fileId, testedAt })),
    };
    // Approved and not yet fulfilled: what was decided and why, not the rule's verdict now.
    if (r.status === "approved")
      return { ...base, status: "approved" as const, decision: decisionOf(r, text), pass: passKey ? passView(passKey, r, now) : null };
    const release = checkRelease(
      {
        kind: r.kind as RequestKind,
        urgent: r.urgent,
        hasCommitmentLetter: r.hasCommitmentLetter,
        testReportAt: r.testReportAt,
        openedAt: r.openedAt,
        lastDocumentAt: r.lastDocumentAt,
      },
      { recordedAt: now, occurredAt: now },
      undefined,
    );
    return {
      ...base,
      status: "pending" as const,
      release: release.ok
        ? { ok: true as const, basis: release.basis }
        : { ok: false as const, missing: release.missing, missingReasons: release.missingReasons },
    };
  });
}

/** The decision kept with an approved request: the release rule's basis, the override's reason, when, and the note. */
function decisionOf(r: typeof requests.$inferSelect, text: (t: string | null) => string | null) {
  return {
    basis: r.releaseBasis as ReleaseBasis | null,
    overrideReason: text(r.overrideReason),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    note: text(r.decisionNote),
  };
}
