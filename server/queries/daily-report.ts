// Why: one consistent read of what the daily report needs: the day's events, and the state its events do not say.
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, events, households, requests, rounds, roundTests, volunteers } from "../../drizzle/schema";
import { dailyReport, type ReportInput } from "../domain/daily-report";
import { dayBounds } from "../domain/zoned-day";
import type { DailyReport, ReleaseBasis } from "../protocol/daily-report";
import { readDayTrips } from "./day-trips";
import { afterDemoCleared } from "./feed";

/** The event types the report counts; nothing else of the day is read. */
export const REPORT_TYPES = [
  "household.tested",
  "test.result",
  "building.sealed",
  "building.unsealed",
  "volunteer.checked_in",
  "volunteer.checked_out",
  "request.opened",
  "request.approved",
  "request.rejected",
  "household.test_undone",
  "test.result_undone",
  "volunteer.checkin_undone",
  "volunteer.retired",
  "volunteer.merged",
] as const;

const payloadKey = (key: string) => sql`(${sql.raw(`"payload" ->> '${key}'`)})`;

/** The day's counted events in feed order, read through events_type_occurred (a statement of its own, so a test can read its plan). */
export function dayEventsQuery(db: Db, community: string, start: Date, end: Date) {
  return db
    .select({ type: events.type, occurredAt: events.occurredAt, payload: events.payload })
    .from(events)
    .where(
      and(
        inArray(events.type, [...REPORT_TYPES]),
        gte(events.occurredAt, start),
        lt(events.occurredAt, end),
        eq(events.community, community),
        afterDemoCleared(community),
      ),
    )
    .orderBy(asc(events.seq));
}

/**
 * The last of `types` before `start` for each registered entity (one backward step through the
 * entity's history index each), kept where it is `wanted`: who was on duty, which buildings were sealed.
 */
export function stateAtStartQuery(
  db: Db,
  community: string,
  start: Date,
  entity: "volunteer" | "building",
  types: string[],
  wanted: string,
) {
  const owner = entity === "volunteer" ? volunteers : buildings;
  const ownerId = entity === "volunteer" ? volunteers.volunteerId : buildings.buildingId;
  const last = db
    .select({ type: events.type, occurredAt: events.occurredAt, post: sql<string>`${payloadKey("post")}`.as("last_post") })
    .from(events)
    .where(
      and(
        eq(events.community, owner.community),
        sql`${payloadKey(`${entity}Id`)} = ${ownerId}`,
        inArray(events.type, types),
        lt(events.occurredAt, start),
        afterDemoCleared(owner.community),
      ),
    )
    .orderBy(desc(events.seq))
    .limit(1)
    .as("last");
  return db
    .select({ id: ownerId, post: last.post, since: last.occurredAt })
    .from(owner)
    .innerJoinLateral(last, sql`true`)
    .where(and(eq(owner.community, community), eq(last.type, wanted)));
}

/** The daily report of `date` (YYYY-MM-DD) in `timeZone`, as of `now`. */
export async function readDailyReport(db: Db, community: string, date: string, timeZone: string, now = new Date()): Promise<DailyReport> {
  const { start, end } = dayBounds(date, timeZone);
  const input = await db.transaction(
    async (tx): Promise<ReportInput> => {
      const day = await dayEventsQuery(tx, community, start, end);
      const ids = (type: string, key: string) => [
        ...new Set(day.filter((e) => e.type === type).map((e) => String((e.payload as Record<string, unknown>)[key]))),
      ];
      const testedIds = [...new Set([...ids("household.tested", "householdId"), ...ids("test.result", "householdId")])];
      const roundIds = ids("household.tested", "roundId");
      const decidedIds = [...new Set([...ids("request.approved", "requestId"), ...ids("request.rejected", "requestId")])];
      const shifts = await stateAtStartQuery(
        tx,
        community,
        start,
        "volunteer",
        ["volunteer.checked_in", "volunteer.checked_out"],
        "volunteer.checked_in",
      );
      const sealed = await stateAtStartQuery(tx, community, start, "building", ["building.sealed", "building.unsealed"], "building.sealed");
      const before = roundIds.length
        ? await tx
            .select({ roundId: roundTests.roundId, householdId: roundTests.householdId })
            .from(roundTests)
            .where(and(eq(roundTests.community, community), inArray(roundTests.roundId, roundIds), lt(roundTests.testedAt, start)))
        : [];
      const reqs = decidedIds.length
        ? await tx
            .select({
              id: requests.requestId,
              kind: requests.kind,
              openedAt: requests.openedAt,
              basis: requests.releaseBasis,
              overrideReason: requests.overrideReason,
            })
            .from(requests)
            .where(and(eq(requests.community, community), inArray(requests.requestId, decidedIds)))
        : [];
      const homes = testedIds.length
        ? await tx
            .select({ id: households.householdId, buildingId: households.buildingId })
            .from(households)
            .where(and(eq(households.community, community), inArray(households.householdId, testedIds)))
        : [];
      const labels = await tx
        .select({ id: buildings.buildingId, label: buildings.label })
        .from(buildings)
        .where(eq(buildings.community, community));
      const kinds = roundIds.length
        ? await tx
            .select({ id: rounds.roundId, kind: rounds.kind })
            .from(rounds)
            .where(and(eq(rounds.community, community), inArray(rounds.roundId, roundIds)))
        : [];
      return {
        date,
        timeZone,
        start,
        end,
        now,
        events: day.map((e) => ({ ...e, payload: e.payload as Record<string, unknown> })),
        openShifts: shifts.map((s) => ({ volunteerId: s.id, post: s.post ?? "", since: s.since })),
        sealedAtStart: sealed.map((b) => b.id),
        testedBefore: before.map((t) => `${t.roundId}/${t.householdId}`),
        requests: new Map(reqs.map((r) => [r.id, { ...r, basis: r.basis as ReleaseBasis | null }])),
        households: new Map(homes.map((h) => [h.id, h.buildingId])),
        buildings: new Map(labels.map((b) => [b.id, b.label])),
        rounds: new Map(kinds.map((r) => [r.id, r.kind])),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const { start: from, end: to } = dayBounds(date, timeZone);
  return { ...dailyReport(input), trips: await readDayTrips(db, community, from, to, now) };
}
