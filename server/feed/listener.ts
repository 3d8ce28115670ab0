import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../drizzle/client";
import { FEED_CHANNEL } from "../ingest/append";
import type { Logger } from "../log";
import { readChangesSince } from "../queries/feed";
import { readFeedHead } from "../queries/snapshot";

/** Where each node pings its own LISTEN connection; kept off the feed's channel, whose payload is always a seq. */
export const PING_CHANNEL = "cordon_listen_ping";

export interface FeedListenerOptions {
  /** How often the feed is read even without a notification: the safety net for lost NOTIFYs. */
  heartbeatMs?: number;
  /** How often the LISTEN connection is pinged through the database (PostgreSQL only). */
  pingEveryMs?: number;
  /** How long a ping may take to come back before the LISTEN connection is presumed dead. */
  pingDeadlineMs?: number;
}

/**
 * Follows the feed with a cursor. NOTIFY is only a nudge: after every (re)listen, every
 * notification and every heartbeat it reads what came after the cursor, so a lost
 * notification or a restarted database costs latency, never an update.
 *
 * On PostgreSQL the heartbeat also pings: a NOTIFY on this node's own channel, sent through the
 * pool, must come back on the LISTEN connection. When it does not (a half-open connection that
 * will never error by itself), the LISTEN connection is dropped and comes back by itself.
 */
export class FeedListener {
  private cursor = 0;
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>)[] = [];
  private closed = false;
  private readonly node = randomBytes(6).toString("hex");
  private pings = 0;
  /** The ping on its way back, if any, and when it was sent. */
  private ping: { payload: string; sentAt: number } | null = null;
  private pinging = false;
  /** The last ping heard: it can come back before the NOTIFY that sent it has answered. */
  private lastHeard = "";
  private nextPingAt = 0;

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
    this.unlisten.push(
      await this.handle.listen(
        FEED_CHANNEL,
        () => this.poke(),
        () => this.poke(),
      ),
    );
    if (this.handle.restartListen)
      this.unlisten.push(
        await this.handle.listen(
          PING_CHANNEL,
          (payload) => this.heard(payload),
          () => this.poke(),
        ),
      );
    this.timer = setInterval(() => this.beat(), this.opts.heartbeatMs ?? 1000);
    this.timer.unref();
  }

  /**
   * This node has just committed seqs `first`..`last` in `communities`: when the cursor is right
   * before them, nothing else can lie in between (seqs are gap-free, in commit order), so they
   * are passed on at once; otherwise the read after the NOTIFY finds them with the rest.
   */
  committed(first: number, last: number, communities: string[]): void {
    if (this.closed || this.cursor !== first - 1) return;
    this.cursor = last;
    this.onChange(communities, last);
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

  private beat(): void {
    this.poke();
    if (this.handle.restartListen) this.checkListen(Date.now());
  }

  private checkListen(now: number): void {
    if (this.ping) {
      if (now - this.ping.sentAt <= (this.opts.pingDeadlineMs ?? 3000)) return;
      this.log.warn({ waitedMs: now - this.ping.sentAt }, "the LISTEN connection did not hear its ping; reconnecting it");
      this.ping = null;
      this.handle.restartListen?.();
      this.nextPingAt = now + (this.opts.pingDeadlineMs ?? 3000);
      return;
    }
    if (this.pinging || now < this.nextPingAt) return;
    this.pinging = true;
    const payload = `${this.node}:${++this.pings}`;
    void this.handle.db
      .execute(sql`select pg_notify(${PING_CHANNEL}, ${payload})`)
      .then(
        // Sent and committed: it is on its way to every listener, ours included (if not already here).
        () => {
          if (this.closed) return;
          if (this.lastHeard === payload) this.nextPingAt = Date.now() + (this.opts.pingEveryMs ?? 2000);
          else this.ping = { payload, sentAt: Date.now() };
        },
        // The database cannot be reached at all; the LISTEN connection cannot be judged now.
        () => {},
      )
      .finally(() => {
        this.pinging = false;
      });
  }

  private heard(payload: string): void {
    this.lastHeard = payload;
    if (this.ping?.payload !== payload) return;
    this.ping = null;
    this.nextPingAt = Date.now() + (this.opts.pingEveryMs ?? 2000);
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
    await Promise.all(this.unlisten.map((u) => u().catch(() => {})));
  }
}
