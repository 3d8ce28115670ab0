import { describe, expect, it } from "vitest";
import { fmtAge, percent } from "../../app/_components/wall-format";
import { estimateCompletion, ratePerHour, rateWindowMs } from "../../server/domain/wall-progress";

const H = 3_600_000;

describe("WALL: round pace and ETA", () => {
  it("WALL13 the rate is measured over the last hour, or since the round opened; too short a window gives no rate", () => {
    expect(rateWindowMs(10 * H, 7 * H)).toBe(H);
    expect(rateWindowMs(10 * H, 9.5 * H)).toBe(0.5 * H);
    expect(ratePerHour(120, H)).toBe(120);
    expect(ratePerHour(30, 0.5 * H)).toBe(60);
    expect(ratePerHour(10, 60_000)).toBe(0);
    expect(ratePerHour(0, H)).toBe(0);
  });

  it("WALL14 the ETA is now plus what remains at the current pace; done now when nothing remains; unknown without pace", () => {
    expect(estimateCompletion(300, 120, 0)).toBe(2.5 * H);
    expect(estimateCompletion(0, 0, 42)).toBe(42);
    expect(estimateCompletion(5, 0, 42)).toBeNull();
  });

  it("WALL15 ages and shares are formatted for both languages", () => {
    expect(fmtAge(59_000, "en")).toBe("0 min");
    expect(fmtAge(65 * 60_000, "en")).toMatch(/^1 hr 5 min$/);
    expect(fmtAge(26 * H, "en")).toMatch(/^1 day 2 hr$/);
    expect(fmtAge(12 * 60_000, "zh-CN")).toBe("12分钟");
    expect(percent(1, 3)).toBe(33);
    expect(percent(1, 0)).toBe(0);
  });
});
