import { type AnyColumn, and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, events } from "../../drizzle/schema";
import type { FeedEvent } from "../protocol/events";

/** The columns of a feed event as GET /api/events shows it (history and verify read the same). */
/**
 * Events after the community's last `demo.cleared` (all when there is none): what the demo did is
 * not the committee's history or report, even where its ids match the committee's own.
 */
export const afterDemoCleared = (community: string | AnyColumn): SQL =>
  sql`${events.seq} > coalesce((select max(cleared.seq) from ${events} cleared where cleared.type = 'demo.cleared' and cleared.community = ${community}), 0)`;

export const FEED_COLUMNS = {
  seq: events.seq,
  id: events.id,
  type: events.type,
  community: events.community,
  occurredAt: events.occurredAt,
  recordedAt: events.recordedAt,
  actor: events.actor,
  payload: events.payload,
};

type FeedRow = { [K in keyof typeof FEED_COLUMNS]: (typeof FEED_COLUMNS)[K]["_"]["data"] };

/** A row read with FEED_COLUMNS, in the wire shape. */
export const toFeedEvent = (r: FeedRow): FeedEvent => ({
  ...r,
  type: r.type as FeedEvent["type"],
  occurredAt: r.occurredAt.toISOString(),
  recordedAt: r.recordedAt.toISOString(),
  payload: (r.payload ?? {}) as Record<string, unknown>,
});

/** A page of the feed after `after`, in seq order; `community` keeps one compound's events (a secretary's own). */
export async function readFeed(
  db: Db,
  after: number,
  limit: number,
  community?: string,
): Promise<{ events: FeedEvent[]; next: number | null }> {
  const rows = await db
    .select(FEED_COLUMNS)
    .from(events)
    .where(and(gt(events.seq, after), community === undefined ? undefined : eq(events.community, community)))
    .orderBy(asc(events.seq))
    .limit(limit);
  const list = rows.map(toFeedEvent);
  const lastRow = list[list.length - 1];
  return { events: list, next: list.length === limit && lastRow ? lastRow.seq : null };
}

/**
 * Which communities changed after `after`, and the newest seq seen. Read from each community's
 * last seq, written in the same transaction as its events: a few rows, however long the feed and
 * whatever the planner knows of it (a range on the feed itself was read as a scan of it all).
 */
export async function readChangesSince(db: Db, after: number): Promise<{ head: number; communities: string[] }> {
  const rows = await db
    .select({ community: communityState.community, last: communityState.lastSeq })
    .from(communityState)
    .where(gt(communityState.lastSeq, after));
  let head = after;
  for (const r of rows) head = Math.max(head, Number(r.last));
  return { head, communities: rows.map((r) => r.community) };
}
