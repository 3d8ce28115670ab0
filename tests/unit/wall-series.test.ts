import { describe, expect, it } from "vitest";
import { BUCKET_MS, bucketStart, buildSeries, WINDOW_BUCKETS, windowStart } from "../../server/domain/wall-series";

const now = Date.parse("2026-04-05T10:07:30Z");
const b = (iso: string) => Date.parse(iso);

describe("WALL: chart series", () => {
  it("WALL10 buckets are 15 minutes, and the window is a fixed day ending with the bucket holding now", () => {
    expect(bucketStart(now)).toBe(b("2026-04-05T10:00:00Z"));
    expect(bucketStart(b("2026-04-05T10:14:59.999Z"))).toBe(b("2026-04-05T10:00:00Z"));
    expect(bucketStart(b("2026-04-05T10:15:00Z"))).toBe(b("2026-04-05T10:15:00Z"));
    expect(windowStart(now)).toBe(b("2026-04-04T10:15:00Z"));
    const s = buildSeries([], now, { onDuty: 0, pending: 0 });
    expect(s).toHaveLength(WINDOW_BUCKETS);
    expect(s[0]?.t).toBe(windowStart(now));
    expect(s.at(-1)?.t).toBe(bucketStart(now));
    expect(s.every((p, i) => i === 0 || p.t - (s[i - 1]?.t ?? 0) === BUCKET_MS)).toBe(true);
  });

  it("WALL11 tests per bucket; levels at the end of each bucket are worked back from the current ones", () => {
    const rows = [
      { start: b("2026-04-05T09:00:00Z"), tests: 4, onDutyDelta: 3, pendingDelta: 1 },
      { start: b("2026-04-05T09:30:00Z"), tests: 0, onDutyDelta: -1, pendingDelta: 2 },
      { start: b("2026-04-05T10:00:00Z"), tests: 2, onDutyDelta: 1, pendingDelta: -1 },
      { start: b("2026-04-03T09:00:00Z"), tests: 99, onDutyDelta: 5, pendingDelta: 5 },
    ];
    const s = buildSeries(rows, now, { onDuty: 8, pending: 2 });
    const at = (iso: string) => s.find((p) => p.t === b(iso));
    expect(at("2026-04-05T10:00:00Z")).toMatchObject({ tests: 2, onDuty: 8, pending: 2 });
    expect(at("2026-04-05T09:45:00Z")).toMatchObject({ tests: 0, onDuty: 7, pending: 3 });
    expect(at("2026-04-05T09:30:00Z")).toMatchObject({ tests: 0, onDuty: 7, pending: 3 });
    expect(at("2026-04-05T09:15:00Z")).toMatchObject({ tests: 0, onDuty: 8, pending: 1 });
    expect(at("2026-04-05T09:00:00Z")).toMatchObject({ tests: 4, onDuty: 8, pending: 1 });
    expect(at("2026-04-05T08:45:00Z")).toMatchObject({ tests: 0, onDuty: 5, pending: 0 });
    expect(s.reduce((n, p) => n + p.tests, 0)).toBe(6);
  });

  it("WALL12 changes stamped after the window (clock slack) are undone from every point; levels never go negative", () => {
    const rows = [{ start: bucketStart(now) + BUCKET_MS, tests: 1, onDutyDelta: 2, pendingDelta: 0 }];
    const s = buildSeries(rows, now, { onDuty: 2, pending: 0 });
    expect(s.at(-1)).toMatchObject({ tests: 0, onDuty: 0 });
    expect(
      buildSeries([{ start: bucketStart(now), tests: 0, onDutyDelta: 5, pendingDelta: 0 }], now, { onDuty: 1, pending: 0 })[0]?.onDuty,
    ).toBe(0);
  });
});
