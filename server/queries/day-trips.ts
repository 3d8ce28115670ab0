// Why: the daily report's trips: out and back through the gate on the day, and the trips whose return time fell on it and were missed.
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { events, requests } from "../../drizzle/schema";
import { tripsOf } from "../domain/trips";

const requestIdOf = sql<string>`(${sql.raw(`"payload" ->> 'requestId'`)})`;

/** `out`/`back`: gate events dated on the day; `overdue`: trips due back on the day that came back late or not at all (as of `now`). */
export async function readDayTrips(db: Db, community: string, start: Date, end: Date, now: Date) {
  const gate = await db
    .select({ type: events.type, occurredAt: events.occurredAt, requestId: requestIdOf })
    .from(events)
    .where(and(eq(events.community, community), inArray(events.type, ["gate.out", "gate.in"]), lt(events.occurredAt, end)))
    .orderBy(asc(events.seq));
  const on = (e: { occurredAt: Date }) => e.occurredAt >= start && e.occurredAt < end;
  const ids = [...new Set(gate.map((e) => e.requestId))];
  const hours = ids.length
    ? await db
        .select({ id: requests.requestId, tripHours: requests.passTripHours })
        .from(requests)
        .where(and(eq(requests.community, community), inArray(requests.requestId, ids)))
    : [];
  const clock = now < end ? now : end;
  let overdue = 0;
  for (const { id, tripHours } of hours) {
    for (const t of tripsOf(
      gate.filter((e) => e.requestId === id),
      tripHours,
      clock,
    ))
      if (t.overdue && t.returnBy && Date.parse(t.returnBy) >= start.getTime() && Date.parse(t.returnBy) < end.getTime()) overdue++;
  }
  return {
    out: gate.filter((e) => e.type === "gate.out" && on(e)).length,
    back: gate.filter((e) => e.type === "gate.in" && on(e)).length,
    overdue,
  };
}
