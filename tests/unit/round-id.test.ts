// Why: the desk names new rounds itself; the ids must read well and not repeat within a day.
import { describe, expect, it } from "vitest";
import { localDay, nextRoundId } from "../../app/_components/round-id";

describe("DESK round ids", () => {
  const day = new Date(2026, 10, 25, 9, 30);
  it("DESK5 a new round is <kind>-<day>-<n>, n following the day's last round of either kind, else 1", () => {
    expect(localDay(day)).toBe("2026-11-25");
    expect(nextRoundId("pcr", null, day)).toBe("pcr-2026-11-25-1");
    expect(nextRoundId("pcr", "r1", day)).toBe("pcr-2026-11-25-1");
    expect(nextRoundId("antigen", "pcr-2026-11-25-1", day)).toBe("antigen-2026-11-25-2");
    expect(nextRoundId("pcr", "antigen-2026-11-25-9", day)).toBe("pcr-2026-11-25-10");
    expect(nextRoundId("pcr", "pcr-2026-11-24-3", day)).toBe("pcr-2026-11-25-1");
    expect(nextRoundId("pcr", "pcr-2026-11-25-1", new Date(2026, 0, 5))).toBe("pcr-2026-01-05-1");
  });
});
