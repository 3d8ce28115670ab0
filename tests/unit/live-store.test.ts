import { describe, expect, it } from "vitest";
import { LiveStore } from "../../app/_live/store";
import { emptyCounts } from "../../server/protocol/state";

const snap = (seq: number, tested: number) => ({
  seq,
  community: "default",
  demo: false,
  counts: { ...emptyCounts(), householdsTested: tested },
  round: null,
});

describe("RT: the browser's live store", () => {
  it("RT5 drops counts older than what it shows, and applies newer ones", () => {
    const s = new LiveStore();
    let calls = 0;
    s.subscribe(() => calls++);
    s.reset(snap(10, 5));
    s.applyCounts({ seq: 9, community: "default", counts: { ...emptyCounts(), householdsTested: 4 } });
    expect(s.getSnapshot().snapshot?.counts.householdsTested).toBe(5);
    s.applyCounts({ seq: 12, community: "default", counts: { ...emptyCounts(), householdsTested: 7 } });
    expect(s.getSnapshot().snapshot?.seq).toBe(12);
    expect(s.getSnapshot().snapshot?.counts.householdsTested).toBe(7);
    s.reset(snap(11, 6));
    expect(s.getSnapshot().snapshot?.seq).toBe(12);
    expect(calls).toBeGreaterThanOrEqual(3);
  });
  it("RT5b ignores counts for another community", () => {
    const s = new LiveStore();
    s.reset(snap(1, 1));
    s.applyCounts({ seq: 5, community: "other", counts: emptyCounts() });
    expect(s.getSnapshot().snapshot?.seq).toBe(1);
  });
});
