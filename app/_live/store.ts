import type { CountsMessage, Snapshot } from "../../server/protocol/state";

export type Connection = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveState {
  connection: Connection;
  snapshot: Snapshot | null;
  /** When the shown numbers were last confirmed by the server (ms since epoch). */
  updatedAt: number | null;
  /** When the server's last heartbeat arrived. */
  heartbeatAt: number | null;
  authError: boolean;
}

/** The live picture, outside React: apply messages, subscribe, read a snapshot. */
export class LiveStore {
  private state: LiveState = { connection: "connecting", snapshot: null, updatedAt: null, heartbeatAt: null, authError: false };
  private listeners = new Set<() => void>();

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

  heartbeat(): void {
    this.set({ heartbeatAt: Date.now() });
  }

  setConnection(connection: Connection): void {
    if (connection !== this.state.connection) this.set({ connection });
  }

  setAuthError(authError: boolean): void {
    this.set({ authError });
  }
}
