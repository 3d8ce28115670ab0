// Why: one pass as the gate and the desk read it: found by its number, with its holder's building and room.
import { and, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, households, requests } from "../../drizzle/schema";
import { passCode } from "../auth/pass-code";
import { type Masking, maskName } from "../domain/masking";
import { isOverdue } from "../domain/passes";

type RequestRow = typeof requests.$inferSelect;

/** A pass in the contract's shape (section 8), with the code of this moment and when that code changes. */
export function passView(key: Buffer, r: RequestRow, now = new Date()) {
  if (r.passSeq === null || !r.passUntil) return null;
  const { code, changesAt } = passCode(key, r.passSeq, now.getTime());
  return {
    code,
    codeChangesAt: changesAt,
    until: r.passUntil.toISOString(),
    tripHours: r.passTripHours,
    state: r.passOutAt ? ("outside" as const) : ("inside" as const),
    outAt: r.passOutAt?.toISOString() ?? null,
    returnBy: r.passReturnBy?.toISOString() ?? null,
    overdue: r.passOutAt !== null && isOverdue(r.passReturnBy, now),
  };
}

/** The request holding pass number `passSeq`, with its household's building and room; null when there is none. */
export const readPassHolder = (db: Db, passSeq: number, masking: Masking) => readHolder(db, eq(requests.passSeq, passSeq), masking);

/** The same, found by its request (a resent scan answers with the holder it named the first time). */
export const readPassHolderByRequest = (db: Db, community: string, requestId: string, masking: Masking) =>
  readHolder(db, and(eq(requests.community, community), eq(requests.requestId, requestId)) as SQL, masking);

async function readHolder(db: Db, where: SQL, masking: Masking) {
  const [row] = await db
    .select({ r: requests, unit: households.unit, building: buildings.label, buildingId: households.buildingId })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(where);
  if (!row || row.r.passSeq === null) return null;
  const { r } = row;
  const person = r.person ?? null;
  return {
    row: r,
    holder: {
      requestId: r.requestId,
      kind: r.kind,
      building: row.building ?? row.buildingId,
      unit: row.unit,
      person: person && masking === "masked" ? maskName(person) : person,
      testReportAt: r.testReportAt?.toISOString() ?? null,
      until: r.passUntil?.toISOString() ?? null,
    },
  };
}
