import type { Tx } from "../../drizzle/client";
import type { CountKey } from "../protocol/state";

/** Counter changes gathered while a batch is applied, written once at its end. */
export class BatchEffects {
  readonly counts = new Map<string, Partial<Record<CountKey, number>>>();
  readonly tested = new Map<string, { community: string; roundId: string; n: number }>();
  readonly currentRound = new Map<string, string>();
  readonly lastSeq = new Map<string, number>();
  /** Communities that a `demo.loaded` marked as holding demo data. */
  readonly demo = new Set<string>();
  /** Activity per community and 15-minute bucket (start in ms), for the wall's charts. */
  readonly activity = new Map<string, ActivityDelta>();

  add(community: string, key: CountKey, n: number): void {
    const c = this.counts.get(community) ?? {};
    c[key] = (c[key] ?? 0) + n;
    this.counts.set(community, c);
  }

  /** Drops everything gathered for a community so far in the batch (`demo.cleared` has just emptied it). */
  forget(community: string): void {
    this.counts.delete(community);
    this.currentRound.delete(community);
    this.demo.delete(community);
    for (const [k, t] of this.tested) if (t.community === community) this.tested.delete(k);
    for (const [k, a] of this.activity) if (a.community === community) this.activity.delete(k);
  }

  addTested(community: string, roundId: string): void {
    const k = `${community}\u0000${roundId}`;
    const t = this.tested.get(k) ?? { community, roundId, n: 0 };
    t.n += 1;
    this.tested.set(k, t);
  }
}

export interface ActivityDelta {
  community: string;
  bucketStart: number;
  tests: number;
  onDuty: number;
  pending: number;
}

/** What a handler gets to apply one event. */
export interface ApplyContext {
  tx: Tx;
  community: string;
  /** The event's occurredAt (the caller's date, or now). */
  at: Date;
  /** When the server records it: taken under the feed lock, so it rises with seq. */
  recordedAt: Date;
  seq: number;
  effects: BatchEffects;
}
