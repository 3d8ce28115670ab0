// Why: an entity's history is one indexed read of the feed, the same cost whatever the length of the feed.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { events } from "../../drizzle/schema";
import type { FeedEvent } from "../protocol/events";
import { HISTORY_KEYS, type HistoryEntity } from "../protocol/history";
import { afterDemoCleared, FEED_COLUMNS, toFeedEvent } from "./feed";

/**
 * The statement itself, apart so a test can read its plan. The expression is written exactly as
 * the partial index `events_<entity>_history` declares it, so the planner matches the two (the
 * equality implies the index's `is not null`).
 */
export function historyQuery(db: Db, community: string, entity: HistoryEntity, id: string) {
  const key = sql`(${sql.raw(`"payload" ->> '${HISTORY_KEYS[entity]}'`)})`;
  return db
    .select(FEED_COLUMNS)
    .from(events)
    .where(and(eq(events.community, community), sql`${key} = ${id}`, afterDemoCleared(community)))
    .orderBy(asc(events.seq));
}

/** Every event of the feed about one entity, oldest first, in the shape of GET /api/events. */
export async function readHistory(db: Db, community: string, entity: HistoryEntity, id: string): Promise<FeedEvent[]> {
  const rows = await historyQuery(db, community, entity, id);
  return rows.map(toFeedEvent);
}
