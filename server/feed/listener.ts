import type { DatabaseHandle } from "../../drizzle/client";
import { FEED_CHANNEL } from "../ingest/append";
import type { Logger } from "../log";
import { readChangesSince } from "../queries/feed";
import { readFeedHead } from "../queries/snapshot";

export interface FeedListenerOptions {
  /** How often the feed is read even without a notification: the safety net for lost NOTIFYs. */
  heartbeatMs?: number;
}

/**
 * Follows the feed with a cursor. NOTIFY is only a nudge: after every (re)listen, every
 * notification and every heartbeat it reads what came after the cursor, so a lost
 * notification or a restarted database costs latency, never an update.
 */
export class FeedListener {
  private cursor = 0;
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private closed = false;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly onChange: (communities: string[], head: number) => void,
    private readonly log: Logger,
    private readonly opts: FeedListenerOptions = {},
  ) {}

  get position(): number {
    return this.cursor;
  }

  /** Starts at the current head of the feed. */
  async start(): Promise<void> {
    this.cursor = await readFeedHead(this.handle.db);
    this.unlisten = await this.handle.listen(
      FEED_CHANNEL,
      () => this.poke(),
      () => this.poke(),
    );
    this.timer = setInterval(() => this.poke(), this.opts.heartbeatMs ?? 1000);
    this.timer.unref();
  }

  /** Reads the feed after the cursor now (coalescing calls that arrive while a read is running). */
  poke(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.catchUp().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  private async catchUp(): Promise<void> {
    try {
      const { head, communities } = await readChangesSince(this.handle.db, this.cursor);
      if (head <= this.cursor) return;
      this.cursor = head;
      this.onChange(communities, head);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, "feed read failed; retrying on the next heartbeat");
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
  }
}
