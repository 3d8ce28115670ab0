// Why: a volunteer's phone follows the requests of their building and the ones they opened, to tell a household what was decided.
import { and, desc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, events, households, requests } from "../../drizzle/schema";
import { type Masking, maskFreeText, maskName } from "../domain/masking";

/** Decided requests stay in the list this long: long enough to pass the word on at the door. */
export const FOLLOW_DECIDED_HOURS = 24;
/** How far back "the ones they opened" are looked up in the feed. */
const OPENED_WITHIN_HOURS = 72;
const LIMIT = 50;

/**
 * The requests of `buildingId` and those `actor` opened (feed actor, as `actorName` records it), open ones and those
 * decided in the last day, newest change first: the status and decision, names and free text masked for a volunteer.
 */
export async function readFollowedRequests(
  db: Db,
  community: string,
  opts: { buildingId: string | null; actor: string; masking: Masking; now?: Date },
) {
  const now = opts.now ?? new Date();
  // Read once: the list filters the requests and marks the ones opened here.
  const opened = (
    await db
      .select({ requestId: sql<string>`("payload" ->> 'requestId')` })
      .from(events)
      .where(
        and(
          eq(events.type, "request.opened"),
          gt(events.occurredAt, new Date(now.getTime() - OPENED_WITHIN_HOURS * 3600_000)),
          eq(events.community, community),
          eq(events.actor, opts.actor),
        ),
      )
  ).map((o) => o.requestId);
  const changedAt = sql<Date>`coalesce(${requests.decidedAt}, ${requests.openedAt})`;
  const rows = await db
    .select({ r: requests, unit: households.unit, buildingId: households.buildingId, building: buildings.label })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(
      and(
        eq(requests.community, community),
        or(
          opts.buildingId ? eq(households.buildingId, opts.buildingId) : sql`false`,
          opened.length > 0 ? inArray(requests.requestId, opened) : sql`false`,
        ),
        or(
          inArray(requests.status, ["pending", "approved"]),
          // A raw expression has no column to map a Date for postgres.js: the bound goes as text.
          sql`${changedAt} > ${new Date(now.getTime() - FOLLOW_DECIDED_HOURS * 3600_000).toISOString()}::timestamptz`,
        ),
      ),
    )
    .orderBy(desc(changedAt), desc(requests.requestId))
    .limit(LIMIT);
  const masked = opts.masking === "masked";
  const text = (t: string | null) => (t && masked ? maskFreeText(t) : t);
  const mine = new Set(opened);
  return rows.map(({ r, unit, buildingId, building }) => ({
    requestId: r.requestId,
    buildingId,
    building: building ?? buildingId,
    unit,
    kind: r.kind,
    urgent: r.urgent,
    person: r.person && masked ? maskName(r.person) : r.person,
    status: r.status,
    openedAt: r.openedAt.toISOString(),
    openedHere: mine.has(r.requestId),
    decision:
      r.status === "pending" || r.status === "cancelled"
        ? null
        : {
            decidedAt: r.decidedAt?.toISOString() ?? null,
            basis: r.status === "rejected" ? null : r.releaseBasis,
            // A rejection's reason, or an approval's override reason.
            reason: text(r.status === "rejected" ? r.decisionNote : r.overrideReason),
            note: r.status === "rejected" ? null : text(r.decisionNote),
          },
  }));
}

export type FollowedRequest = Awaited<ReturnType<typeof readFollowedRequests>>[number];
