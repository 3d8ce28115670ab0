// Why: an entity's history is one indexed read of the feed, the same cost whatever the length of the feed.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { events, rounds } from "../../drizzle/schema";
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

/** A round as the history names it: the label typed when it was opened (its id when none was), and whether it is still open. */
export interface HistoryRound {
  roundId: string;
  label: string | null;
  open: boolean;
}

/** The community's rounds, oldest first: the history says a round by its label, and offers an undo only in the open one. */
export async function readHistoryRounds(db: Db, community: string): Promise<HistoryRound[]> {
  const rows = await db
    .select({ roundId: rounds.roundId, label: rounds.label, closedAt: rounds.closedAt })
    .from(rounds)
    .where(eq(rounds.community, community))
    .orderBy(asc(rounds.openedAt), asc(rounds.roundId));
  return rows.map((r) => ({ roundId: r.roundId, label: r.label, open: r.closedAt === null }));
}
