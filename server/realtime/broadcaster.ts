import type { Server } from "socket.io";
import type { Db } from "../../drizzle/client";
import type { Logger } from "../log";
import type { ClientToServerEvents, ServerToClientEvents } from "../protocol/state";
import { readSnapshot, toCountsMessage } from "../queries/snapshot";

export const communityRoom = (community: string) => `community:${community}`;

type Slot = { lastEmit: number; timer: NodeJS.Timeout | undefined; flushing: boolean; dirty: boolean };

/**
 * Sends each community's counts to its room, at most once per `minIntervalMs` (10 a second by
 * default) and always once more after the last change, so every subscriber ends on the latest state.
 */
export class Broadcaster {
  private slots = new Map<string, Slot>();
  private closed = false;

  constructor(
    private readonly io: Server<ClientToServerEvents, ServerToClientEvents>,
    private readonly db: Db,
    private readonly log: Logger,
    private readonly minIntervalMs = 100,
  ) {}

  /** Marks a community changed; its counts go out now or at the end of the current interval. */
  changed(community: string): void {
    if (this.closed) return;
    const slot = this.slots.get(community) ?? { lastEmit: 0, timer: undefined, flushing: false, dirty: false };
    this.slots.set(community, slot);
    slot.dirty = true;
    if (slot.timer || slot.flushing) return;
    const wait = Math.max(0, slot.lastEmit + this.minIntervalMs - Date.now());
    slot.timer = setTimeout(() => this.flush(community, slot), wait);
  }

  private async flush(community: string, slot: Slot): Promise<void> {
    slot.timer = undefined;
    slot.dirty = false;
    slot.flushing = true;
    slot.lastEmit = Date.now();
    try {
      const snap = await readSnapshot(this.db, community);
      this.io.to(communityRoom(community)).emit("counts", toCountsMessage(snap));
    } catch (err) {
      this.log.warn({ err: (err as Error).message, community }, "could not read counts; will retry");
      slot.dirty = true;
    } finally {
      slot.flushing = false;
      if (slot.dirty && !this.closed) {
        slot.dirty = false;
        this.changed(community);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
    this.slots.clear();
  }
}
