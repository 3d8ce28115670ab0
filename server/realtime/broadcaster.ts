import type { Server } from "socket.io";
import type { Db } from "../../drizzle/client";
import type { Logger } from "../log";
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from "../protocol/state";
import { readSnapshot, toCountsMessage } from "../queries/snapshot";
import { readStreet } from "../queries/street";
import { readWallView } from "../queries/wall";

export const communityRoom = (community: string) => `community:${community}`;
/** Subscribers that asked for the wall view (`subscribe` with `wall: true`). */
export const wallRoom = (community: string) => `wall:${community}`;

/** Street sockets watching a compound: its whole street entry (posts against minimums, positives), at the wall's pace. */
export const streetRoom = (community: string) => `street:${community}`;

type Kind = "counts" | "wall" | "street";

/** The communities someone on this node watches (counts or the wall view). */
export function watchedCommunities(io: Server<ClientToServerEvents, ServerToClientEvents>): string[] {
  const out = new Set<string>();
  for (const room of io.sockets.adapter.rooms.keys()) {
    if (room.startsWith("community:")) out.add(room.slice(10));
    else if (room.startsWith("wall:")) out.add(room.slice(5));
  }
  return [...out];
}

/**
 * The demo mark each community's subscribers were last sent. Counts messages do not carry it, so
 * when it changes (a secretary cleared the demo) the room gets the whole snapshot again.
 */
export class DemoMarks {
  private readonly shown = new Map<string, boolean>();
  /** Records what a snapshot sent to a room said; true when it differs from what the room was told before. */
  note(s: Snapshot): boolean {
    const before = this.shown.get(s.community);
    this.shown.set(s.community, s.demo);
    return before !== undefined && before !== s.demo;
  }
}
type Slot = { lastEmit: number; timer: NodeJS.Timeout | NodeJS.Immediate | undefined; flushing: boolean; dirty: boolean };
const cancel = (t: NodeJS.Timeout | NodeJS.Immediate) => ("refresh" in t ? clearTimeout(t) : clearImmediate(t));

export interface BroadcasterOptions {
  /** Least time between two wall views to one community (they cost several queries). */
  wallIntervalMs?: number;
  /** The wall view is re-sent this often even without events: rate, ETA and the chart window move with time. */
  wallRefreshMs?: number;
  /** Least time between two street entries of one community (posts against minimums, positives: five queries). */
  streetIntervalMs?: number;
  /** Where the street entries' "today" is (REPORT_TIME_ZONE). */
  reportTimeZone?: string;
  /** Shared with `subscribe`, which sends each new subscriber its snapshot. */
  demoMarks?: DemoMarks;
}

/**
 * Sends each community's counts to its room, at most once per `minIntervalMs` (10 a second by
 * default) and always once more after the last change, so every subscriber ends on the latest state.
 * The wall view goes the same way to the wall room, at its own slower pace.
 */
export class Broadcaster {
  private slots = new Map<string, Slot>();
  private closed = false;
  private readonly refresh: NodeJS.Timeout;

  constructor(
    private readonly io: Server<ClientToServerEvents, ServerToClientEvents>,
    private readonly db: Db,
    private readonly log: Logger,
    private readonly minIntervalMs = 100,
    private readonly opts: BroadcasterOptions = {},
  ) {
    this.refresh = setInterval(() => this.refreshWalls(), opts.wallRefreshMs ?? 60_000);
    this.refresh.unref();
  }

  /** Marks a community changed; its counts go out now or at the end of the current interval. */
  changed(community: string): void {
    // Nobody here watches it: no read. A later subscriber reads a fresh snapshot when it joins.
    if (this.watchers(communityRoom(community)) > 0) this.mark("counts", community);
    if (this.watchers(wallRoom(community)) > 0) this.mark("wall", community);
    if (this.watchers(streetRoom(community)) > 0) this.mark("street", community);
  }

  private watchers(room: string): number {
    return this.io.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  private refreshWalls(): void {
    for (const room of this.io.sockets.adapter.rooms.keys()) if (room.startsWith("wall:")) this.mark("wall", room.slice(5));
  }

  private mark(kind: Kind, community: string): void {
    if (this.closed) return;
    const key = `${kind}\u0000${community}`;
    const slot = this.slots.get(key) ?? { lastEmit: 0, timer: undefined, flushing: false, dirty: false };
    this.slots.set(key, slot);
    slot.dirty = true;
    if (slot.timer || slot.flushing) return;
    const interval =
      kind === "counts" ? this.minIntervalMs : kind === "wall" ? (this.opts.wallIntervalMs ?? 1000) : (this.opts.streetIntervalMs ?? 5000);
    const wait = Math.max(0, slot.lastEmit + interval - Date.now());
    // Nothing sent lately: now, not a timer's millisecond later.
    slot.timer =
      wait === 0 ? setImmediate(() => this.flush(kind, community, slot)) : setTimeout(() => this.flush(kind, community, slot), wait);
  }

  private async send(kind: Kind, community: string): Promise<void> {
    if (kind === "wall") this.io.to(wallRoom(community)).emit("wall", await readWallView(this.db, community));
    else if (kind === "street") {
      const [entry] = await readStreet(this.db, [community], this.opts.reportTimeZone);
      if (entry) this.io.to(streetRoom(community)).emit("streetEntry", entry);
    } else {
      const snap = await readSnapshot(this.db, community);
      this.io.to(communityRoom(community)).emit("counts", toCountsMessage(snap));
      if (this.opts.demoMarks?.note(snap)) this.io.to(communityRoom(community)).emit("snapshot", snap);
    }
  }

  private async flush(kind: Kind, community: string, slot: Slot): Promise<void> {
    slot.timer = undefined;
    slot.dirty = false;
    slot.flushing = true;
    slot.lastEmit = Date.now();
    try {
      await this.send(kind, community);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, community, kind }, "could not read the state to push; will retry");
      slot.dirty = true;
    } finally {
      slot.flushing = false;
      if (slot.dirty && !this.closed) {
        slot.dirty = false;
        this.mark(kind, community);
      }
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.refresh);
    for (const slot of this.slots.values()) if (slot.timer) cancel(slot.timer);
    this.slots.clear();
  }
}
