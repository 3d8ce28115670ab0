import type { CountsMessage, Heartbeat, Snapshot } from "../../server/protocol/state";
import type { WallView } from "../../server/protocol/wall";

export type Connection = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveState {
  connection: Connection;
  snapshot: Snapshot | null;
  /** When the shown numbers were last confirmed by the server (ms since epoch). */
  updatedAt: number | null;
  /** When the server's last heartbeat arrived. */
  heartbeatAt: number | null;
  authError: boolean;
  /** The display-safe wall view, for screens that subscribed to it. */
  wall: WallView | null;
  /** Server clock minus this browser's clock, measured at the last wall view (ms). */
  clockOffset: number;
  /** The server build seen first, and the one seen last (from heartbeats). */
  firstVersion: string | null;
  version: string | null;
}

const initial = (): LiveState => ({
  connection: "connecting",
  snapshot: null,
  updatedAt: null,
  heartbeatAt: null,
  authError: false,
  wall: null,
  clockOffset: 0,
  firstVersion: null,
  version: null,
});

/** The live picture, outside React: apply messages, subscribe, read a snapshot. */
export class LiveStore {
  private state: LiveState = initial();
  private listeners = new Set<() => void>();
  /** When this store was made: the baseline for freshness before the server has spoken. */
  readonly createdAt = Date.now();

  getSnapshot = (): LiveState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** A full snapshot replaces what is shown unless it is older than what is shown. */
  reset(s: Snapshot): void {
    const cur = this.state.snapshot;
    const stale = cur && cur.community === s.community && s.seq < cur.seq;
    this.set(stale ? { updatedAt: Date.now() } : { snapshot: s, updatedAt: Date.now() });
  }

  /** Counts carry the whole picture; anything older than what is shown is dropped. */
  applyCounts(m: CountsMessage): void {
    const cur = this.state.snapshot;
    if (!cur || cur.community !== m.community) return;
    if (m.seq < cur.seq) return;
    this.set({ snapshot: { ...cur, seq: m.seq, counts: m.counts }, updatedAt: Date.now() });
  }

  /** A wall view older than the one shown is dropped; a newer one also moves the counts forward. */
  applyWall(v: WallView): void {
    const cur = this.state.wall;
    if (cur && cur.community === v.community && v.seq < cur.seq) return;
    const now = Date.now();
    const patch: Partial<LiveState> = { wall: v, updatedAt: now, clockOffset: Date.parse(v.generatedAt) - now };
    const snap = this.state.snapshot;
    if (snap && snap.community === v.community && v.seq > snap.seq) patch.snapshot = { ...snap, seq: v.seq, counts: v.counts };
    this.set(patch);
  }

  heartbeat(h?: Heartbeat): void {
    const patch: Partial<LiveState> = { heartbeatAt: Date.now() };
    if (h) {
      patch.version = h.version;
      if (this.state.firstVersion === null) patch.firstVersion = h.version;
    }
    this.set(patch);
  }

  setConnection(connection: Connection): void {
    if (connection !== this.state.connection) this.set({ connection });
  }

  setAuthError(authError: boolean): void {
    this.set({ authError });
  }
}
