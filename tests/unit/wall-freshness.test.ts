import { describe, expect, it } from "vitest";
import { freshness, lastHeard, shouldReload } from "../../app/_live/freshness";
import { LiveStore } from "../../app/_live/store";
import { emptyCounts } from "../../server/protocol/state";
import type { WallView } from "../../server/protocol/wall";

const view = (seq: number, tested: number): WallView => ({
  seq,
  community: "default",
  demo: false,
  name: null,
  generatedAt: new Date().toISOString(),
  counts: { ...emptyCounts(), householdsTested: tested },
  round: null,
  progress: { perHour: 0, etaAt: null },
  posts: [],
  buildings: [],
  queue: { total: 0, urgentWaiting: 0, approved: 0, oldestOpenedAt: null, items: [] },
  alerts: { total: 0, items: [] },
  overdue: [],
  series: { bucketMinutes: 15, points: [] },
});

describe("WALL: freshness and the wall's store", () => {
  it("WALL16 fresh within 30 s of hearing the server, stale until 60 s, then expired", () => {
    expect(freshness(1000, 1000)).toBe("fresh");
    expect(freshness(30_999, 1000)).toBe("fresh");
    expect(freshness(31_000, 1000)).toBe("stale");
    expect(freshness(61_000, 1000)).toBe("expired");
    expect(lastHeard(5, null, null)).toBe(5);
    expect(lastHeard(5, 40, null, 30)).toBe(40);
  });

  it("WALL17 a new server build reloads the wall once, never for the first version or twice for the same one", () => {
    expect(shouldReload(null, "a", null)).toBe(false);
    expect(shouldReload("a", "a", null)).toBe(false);
    expect(shouldReload("a", "b", null)).toBe(true);
    expect(shouldReload("a", "b", "b")).toBe(false);
    const s = new LiveStore();
    s.heartbeat({ at: "", version: "a" });
    s.heartbeat({ at: "", version: "b" });
    expect(s.getSnapshot()).toMatchObject({ firstVersion: "a", version: "b" });
  });

  it("WALL18 the store drops a wall view older than the one shown, and a newer one moves the counts forward", () => {
    const s = new LiveStore();
    s.reset({ seq: 5, community: "default", demo: false, counts: emptyCounts(), round: null });
    s.applyWall(view(7, 3));
    expect(s.getSnapshot().snapshot).toMatchObject({ seq: 7, counts: { householdsTested: 3 } });
    s.applyWall(view(6, 2));
    expect(s.getSnapshot().wall?.seq).toBe(7);
    s.applyCounts({ seq: 9, community: "default", counts: { ...emptyCounts(), householdsTested: 4 } });
    s.applyWall(view(8, 3));
    expect(s.getSnapshot().snapshot?.seq).toBe(9);
    expect(s.getSnapshot().wall?.seq).toBe(8);
  });
});
