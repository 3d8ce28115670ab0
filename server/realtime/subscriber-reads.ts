import type { ServerToClientEvents } from "../protocol/state";

/** The first messages a subscriber gets, read from the database: `snapshot`, and `wall` for wall displays. */
export type FirstEvent = "snapshot" | "wall";
type Payload<E extends FirstEvent> = Parameters<ServerToClientEvents[E]>[0];

/** The part of the Socket.IO server used here: one emit to a list of sockets, encoded once. */
export interface ListSender<E extends FirstEvent> {
  to(socketIds: string | string[]): { emit(event: E, value: Payload<E>): unknown };
}

interface Batch {
  socketIds: string[];
  sent: Promise<void>;
}

/**
 * Sends new subscribers what they start from (`snapshot`, or the wall view). Subscribers that
 * arrive while a read for their community is running wait for the next one and share it, encoded
 * once for all of them: a thousand screens reconnecting after a restart cost a handful of reads,
 * not a thousand. Every read starts after its subscribers joined the room, so a change that
 * commits in between still reaches them through the room (join first, then read).
 */
export class SubscriberReads<E extends FirstEvent> {
  /** Per community: the read not yet started, which newcomers join. */
  private next = new Map<string, Batch>();
  /** Per community: the read running now. */
  private running = new Map<string, Promise<void>>();

  constructor(
    private readonly io: ListSender<E>,
    private readonly event: E,
    private readonly read: (community: string) => Promise<Payload<E>>,
    /** Sees each value read, before it is sent. */
    private readonly onRead?: (value: Payload<E>) => void,
  ) {}

  /** Sends `socketId` (already in the community's room) a value read from now on; resolves once it is sent. */
  send(community: string, socketId: string): Promise<void> {
    const queued = this.next.get(community);
    if (queued) {
      queued.socketIds.push(socketId);
      return queued.sent;
    }
    const batch: Batch = { socketIds: [socketId], sent: Promise.resolve() };
    const before = this.running.get(community);
    if (before) {
      this.next.set(community, batch);
      batch.sent = before.then(() => this.run(community, batch));
    } else batch.sent = this.run(community, batch);
    return batch.sent;
  }

  private run(community: string, batch: Batch): Promise<void> {
    if (this.next.get(community) === batch) this.next.delete(community);
    const read = this.read(community).then((value) => {
      this.onRead?.(value);
      const once = new Set<string>();
      // A socket that asked twice within one batch is answered twice, as if each read were its own.
      const again: string[] = [];
      for (const id of batch.socketIds) {
        if (once.has(id)) again.push(id);
        else once.add(id);
      }
      this.io.to([...once]).emit(this.event, value);
      for (const id of again) this.io.to(id).emit(this.event, value);
    });
    // The running read is only a gate for the next batch: its failure belongs to its own subscribers.
    const settled = read.then(
      () => {},
      () => {},
    );
    this.running.set(community, settled);
    void settled.then(() => {
      if (this.running.get(community) === settled) this.running.delete(community);
    });
    return read;
  }
}
