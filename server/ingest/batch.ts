import type { Tx } from "../../drizzle/client";
import type { CountKey } from "../protocol/state";

/** Counter and rollup changes gathered while events are applied, written once per group. */
export class BatchEffects {
  readonly counts = new Map<string, Partial<Record<CountKey, number>>>();
  readonly currentRound = new Map<string, string>();
  readonly lastSeq = new Map<string, number>();
  /** Communities that a `demo.loaded` marked as holding demo data. */
  readonly demo = new Set<string>();
  /** Activity per community and 15-minute bucket (start in ms), for the wall's charts. */
  readonly activity = new Map<string, ActivityDelta>();
  /** Post minimums set, per community and post: the last one wins. */
  readonly minimums = new Map<string, { community: string; post: string; minimum: number }>();
  /** community.named: the last name given in the group, per community. */
  readonly names = new Map<string, string>();

  add(community: string, key: CountKey, n: number): void {
    const c = this.counts.get(community) ?? {};
    c[key] = (c[key] ?? 0) + n;
    this.counts.set(community, c);
  }

  /** Drops everything gathered for a community so far (`demo.cleared` has just emptied it). */
  forget(community: string): void {
    this.counts.delete(community);
    this.currentRound.delete(community);
    this.demo.delete(community);
    for (const [k, a] of this.activity) if (a.community === community) this.activity.delete(k);
    for (const [k, m] of this.minimums) if (m.community === community) this.minimums.delete(k);
    this.names.delete(community);
  }

  /** Adds what a later append of the same group did. */
  merge(o: BatchEffects): void {
    for (const [community, deltas] of o.counts)
      for (const [k, n] of Object.entries(deltas)) this.add(community, k as CountKey, n as number);
    for (const [c, r] of o.currentRound) this.currentRound.set(c, r);
    for (const [c, s] of o.lastSeq) this.lastSeq.set(c, s);
    for (const c of o.demo) this.demo.add(c);
    for (const [k, a] of o.activity) {
      const mine = this.activity.get(k);
      if (!mine) this.activity.set(k, { ...a });
      else {
        mine.tests += a.tests;
        mine.onDuty += a.onDuty;
        mine.pending += a.pending;
      }
    }
    for (const [k, m] of o.minimums) this.minimums.set(k, m);
    for (const [c, n] of o.names) this.names.set(c, n);
  }
}

export interface ActivityDelta {
  community: string;
  bucketStart: number;
  tests: number;
  onDuty: number;
  pending: number;
}

/** What `demo.cleared` gets: it works on the tables directly, alone in its transaction. */
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
