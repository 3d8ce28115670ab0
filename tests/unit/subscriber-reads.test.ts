import { describe, expect, it } from "vitest";
import { emptyCounts, type Snapshot } from "../../server/protocol/state";
import { SubscriberReads } from "../../server/realtime/subscriber-reads";

const snap = (seq: number): Snapshot => ({ seq, community: "default", demo: false, counts: emptyCounts(), round: null });

/** A reader whose reads finish when the test says, and a sender that records each emit. */
function rig() {
  const reads: { started: number; finish(s: Snapshot): void; fail(e: Error): void }[] = [];
  const emits: { to: string[]; seq: number }[] = [];
  let clock = 0;
  const tick = () => ++clock;
  const snapshots = new SubscriberReads(
    { to: (ids) => ({ emit: (_e, s) => emits.push({ to: [ids].flat(), seq: s.seq }) }) },
    "snapshot",
    () =>
      new Promise<Snapshot>((resolve, reject) => {
        reads.push({ started: tick(), finish: resolve, fail: reject });
      }),
  );
  return { snapshots, reads, emits, tick };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("RT: first reads for new subscribers", () => {
  it("RT6 the first subscriber's read starts at once; those arriving during it share the next, started after they asked", async () => {
    const { snapshots, reads, emits, tick } = rig();
    const a = snapshots.send("default", "a");
    expect(reads.length).toBe(1);
    const askedB = tick();
    const b = snapshots.send("default", "b");
    const c = snapshots.send("default", "c");
    expect(reads.length).toBe(1);
    reads[0]!.finish(snap(1));
    await a;
    expect(emits).toEqual([{ to: ["a"], seq: 1 }]);
    await settle();
    expect(reads.length).toBe(2);
    expect(reads[1]!.started).toBeGreaterThan(askedB);
    reads[1]!.finish(snap(2));
    await Promise.all([b, c]);
    expect(emits.at(-1)).toEqual({ to: ["b", "c"], seq: 2 });
    // Nothing running: the next subscriber reads at once again.
    void snapshots.send("default", "d");
    expect(reads.length).toBe(3);
  });

  it("RT6 a socket asking twice in one batch is answered twice; a failed read fails only its own batch", async () => {
    const { snapshots, reads, emits } = rig();
    const first = snapshots.send("default", "a");
    const twice = [snapshots.send("default", "b"), snapshots.send("default", "b")];
    reads[0]!.fail(new Error("database away"));
    await expect(first).rejects.toThrow("database away");
    await settle();
    reads[1]!.finish(snap(5));
    await Promise.all(twice);
    expect(emits.filter((e) => e.seq === 5).flatMap((e) => e.to)).toEqual(["b", "b"]);
  });

  it("RT6 communities are read independently", () => {
    const { snapshots, reads } = rig();
    void snapshots.send("default", "a");
    void snapshots.send("north", "b");
    expect(reads.length).toBe(2);
  });
});
