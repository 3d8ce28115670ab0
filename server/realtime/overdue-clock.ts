// Why: `overdue` changes with the clock, not with events: each node re-reads it for the communities it serves and pushes new counts.
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { requests } from "../../drizzle/schema";
import type { Logger } from "../log";

/** How often each node looks: a return time passing reaches subscribers within this (and the push). */
export const OVERDUE_CHECK_MS = 15_000;

/**
 * Every `everyMs`, reads how many holders are overdue in each community someone here watches, and
 * marks a community changed when that number differs from what it read last (or on first sight), so
 * the broadcaster sends counts read afresh. No event is posted: every node does this for its own rooms.
 */
export class OverdueClock {
  private readonly seen = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly watched: () => string[],
    private readonly changed: (community: string) => void,
    private readonly log: Logger,
    everyMs = OVERDUE_CHECK_MS,
  ) {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  /** One look; exported for tests and for a node that has just started. */
  async tick(): Promise<void> {
    if (this.running) return;
    const communities = this.watched();
    if (communities.length === 0) return;
    this.running = true;
    try {
      const rows = await this.db
        .select({ community: requests.community, overdue: sql<number>`count(*) filter (where ${requests.passReturnBy} < now())::int` })
        .from(requests)
        .where(and(isNotNull(requests.passOutAt), inArray(requests.community, communities)))
        .groupBy(requests.community);
      const now = new Map(rows.map((r) => [r.community, Number(r.overdue)]));
      for (const c of communities) {
        const n = now.get(c) ?? 0;
        if (this.seen.get(c) !== n) this.changed(c);
        this.seen.set(c, n);
      }
      for (const c of this.seen.keys()) if (!communities.includes(c)) this.seen.delete(c);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, "could not read who is overdue; will look again");
    } finally {
      this.running = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
