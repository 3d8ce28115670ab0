import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { activityBuckets, alerts, postMinimums } from "../../drizzle/schema";
import { bucketStart } from "../domain/wall-series";
import { conflict } from "../errors";
import type { Params } from "../protocol/reasons";
import type { ApplyContext, BatchEffects } from "./batch";

/** Adds to the 15-minute activity bucket of the event's time; the batch writes each bucket once at its end. */
export function bumpActivity(c: ApplyContext, d: { tests?: number; onDuty?: number; pending?: number }): void {
  const start = bucketStart(c.at);
  const key = `${c.community}\u0000${start}`;
  const a = c.effects.activity.get(key) ?? { community: c.community, bucketStart: start, tests: 0, onDuty: 0, pending: 0 };
  a.tests += d.tests ?? 0;
  a.onDuty += d.onDuty ?? 0;
  a.pending += d.pending ?? 0;
  c.effects.activity.set(key, a);
}

/** Writes a batch's activity buckets in one upsert (one row per bucket, so no row is hit twice). */
export async function writeActivity(tx: Db, effects: BatchEffects): Promise<void> {
  const rows = [...effects.activity.values()].map((a) => ({
    community: a.community,
    bucketStart: new Date(a.bucketStart),
    tests: a.tests,
    onDutyDelta: a.onDuty,
    pendingDelta: a.pending,
  }));
  if (rows.length === 0) return;
  await tx
    .insert(activityBuckets)
    .values(rows)
    .onConflictDoUpdate({
      target: [activityBuckets.community, activityBuckets.bucketStart],
      set: {
        tests: sql`${activityBuckets.tests} + excluded.tests`,
        onDutyDelta: sql`${activityBuckets.onDutyDelta} + excluded.on_duty_delta`,
        pendingDelta: sql`${activityBuckets.pendingDelta} + excluded.pending_delta`,
      },
    });
}

/** Raises the urgent-request alarm; it stays until the request is decided or acknowledged. */
export async function raiseUrgentAlert(c: ApplyContext, requestId: string, buildingId: string): Promise<void> {
  await c.tx.insert(alerts).values({ seq: c.seq, community: c.community, kind: "urgent_request", buildingId, requestId, raisedAt: c.at });
}

/** A request left the pending state: its alarm is over. */
export async function resolveRequestAlerts(c: ApplyContext, requestId: string): Promise<void> {
  await c.tx
    .update(alerts)
    .set({ resolvedAt: c.at })
    .where(and(eq(alerts.community, c.community), eq(alerts.requestId, requestId), isNull(alerts.resolvedAt)));
}

/** `alert.acknowledged`: 409 when there is no such alarm, or it is already off the wall. */
export async function acknowledgeAlert(c: ApplyContext, p: { alertId: number } | { requestId: string }): Promise<void> {
  const byId = "alertId" in p;
  const [a] = await c.tx
    .select({ seq: alerts.seq, resolvedAt: alerts.resolvedAt, acknowledgedAt: alerts.acknowledgedAt })
    .from(alerts)
    .where(and(eq(alerts.community, c.community), byId ? eq(alerts.seq, p.alertId) : eq(alerts.requestId, p.requestId)))
    .orderBy(desc(alerts.seq))
    .limit(1);
  const which: Params = byId ? { alertId: p.alertId } : { requestId: p.requestId };
  const path = byId ? "payload.alertId" : "payload.requestId";
  if (!a) throw conflict("alert_unknown", which, path);
  if (a.acknowledgedAt) throw conflict("alert_already_acknowledged", which, path);
  if (a.resolvedAt) throw conflict("alert_already_resolved", which, path);
  await c.tx.update(alerts).set({ acknowledgedAt: c.at }).where(eq(alerts.seq, a.seq));
}

/** `post.minimum_set`: the threshold under which the wall shows a post as short of volunteers. */
export async function setPostMinimum(c: ApplyContext, p: { post: string; minimum: number }): Promise<void> {
  await c.tx
    .insert(postMinimums)
    .values({ community: c.community, post: p.post, minimum: p.minimum })
    .onConflictDoUpdate({ target: [postMinimums.community, postMinimums.post], set: { minimum: p.minimum } });
}
