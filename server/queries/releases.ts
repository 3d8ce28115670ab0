// Why: the release register (contract section 8): every approved leave or medical request of a period, its basis, documents, pass and trips.
import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, events, households, requests } from "../../drizzle/schema";
import { printedPassCode } from "../auth/pass-code";
import { tripsOf } from "../domain/trips";

const RELEASE_KINDS = ["leave", "medical"];
const requestIdOf = sql<string>`(${sql.raw(`"payload" ->> 'requestId'`)})`;

/** The releases approved in [from, to), oldest approval first, with the personal data the secretary keeps. */
export async function readReleases(db: Db, community: string, from: Date, to: Date, now = new Date(), passKey?: Buffer) {
  const rows = await db
    .select({ r: requests, unit: households.unit, building: buildings.label, buildingId: households.buildingId })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(
      and(
        eq(requests.community, community),
        inArray(requests.kind, RELEASE_KINDS),
        isNotNull(requests.releaseBasis),
        gte(requests.decidedAt, from),
        lt(requests.decidedAt, to),
      ),
    )
    .orderBy(asc(requests.decidedAt), asc(requests.requestId));
  const ids = rows.map((x) => x.r.requestId);
  const history =
    ids.length === 0
      ? []
      : await db
          .select({ type: events.type, occurredAt: events.occurredAt, payload: events.payload, requestId: requestIdOf })
          .from(events)
          .where(
            and(
              eq(events.community, community),
              sql`${requestIdOf} = any(${sql.param(ids)}::text[])`,
              inArray(events.type, ["request.document_added", "gate.out", "gate.in"]),
            ),
          )
          .orderBy(asc(events.seq));
  const byRequest = new Map<string, typeof history>();
  for (const e of history) byRequest.set(e.requestId, [...(byRequest.get(e.requestId) ?? []), e]);
  return rows.map(({ r, unit, building, buildingId }) => {
    const mine = byRequest.get(r.requestId) ?? [];
    return {
      requestId: r.requestId,
      householdId: r.householdId,
      building: building ?? buildingId,
      unit,
      person: r.person,
      kind: r.kind,
      basis: r.releaseBasis,
      overrideReason: r.overrideReason,
      approvedAt: r.decidedAt?.toISOString() ?? null,
      documents: mine
        .filter((e) => e.type === "request.document_added")
        .map((e) => {
          const p = e.payload as { document: string; testedAt?: string; fileId?: string };
          return { document: p.document, testedAt: p.testedAt ?? null, fileId: p.fileId ?? null, addedAt: e.occurredAt.toISOString() };
        }),
      pass: r.passUntil
        ? {
            until: r.passUntil.toISOString(),
            tripHours: r.passTripHours,
            state: r.passOutAt ? "outside" : "inside",
            returnBy: r.passReturnBy?.toISOString() ?? null,
            // For the secretary to print for someone without a phone: it does not change, and is good until `until`.
            ...(passKey && r.passSeq !== null ? { printCode: printedPassCode(passKey, r.passSeq, r.passUntil) } : {}),
          }
        : null,
      trips: tripsOf(mine, r.passTripHours, now),
    };
  });
}
