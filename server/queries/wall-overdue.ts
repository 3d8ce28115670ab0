// Why: the wall's overdue list: for each holder past their return time, only the building and since when (no name, no room).
import { and, asc, eq, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { households, requests } from "../../drizzle/schema";

export const WALL_OVERDUE_LIMIT = 10;

/** The longest overdue first; `returnBy` is when each should have been back. */
export async function readWallOverdue(tx: Db, community: string, now: number) {
  const rows = await tx
    .select({ buildingId: households.buildingId, returnBy: requests.passReturnBy })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .where(and(eq(requests.community, community), isNotNull(requests.passOutAt), lt(requests.passReturnBy, new Date(now))))
    .orderBy(asc(requests.passReturnBy))
    .limit(WALL_OVERDUE_LIMIT);
  return rows.map((r) => ({ buildingId: r.buildingId, returnBy: (r.returnBy as Date).toISOString() }));
}
