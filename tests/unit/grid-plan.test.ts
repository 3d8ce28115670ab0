import { describe, expect, it } from "vitest";
import { planGrid } from "../../app/_components/grid-plan";

const HD = { width: 1205, height: 316, rem: 16 };

describe("WALL-LEG: the building grid's plan", () => {
  it("WALL-LEG4 few buildings get large stacked tiles; many get one line each; text never under 18 px on the wall's box", () => {
    const few = planGrid(12, 2.9, 2.4, HD);
    expect(few.stacked).toBe(true);
    expect(few.cols * few.rows).toBeGreaterThanOrEqual(12);
    expect(few.fontPx).toBe(36);
    const many = planGrid(120, 3.3, 2.4, { width: 1840, height: 316, rem: 16 });
    expect(many.cols * many.rows).toBeGreaterThanOrEqual(120);
    expect(many.fontPx).toBeGreaterThanOrEqual(18);
    // The text fits the tile it is planned for: the widest label beside the share, on the tile's line.
    const tileW = (1840 - (many.cols - 1) * 4) / many.cols;
    expect((3.3 + 0.4 + 2.4 + 0.6) * many.fontPx).toBeLessThanOrEqual(tileW + 0.01);
    expect(planGrid(120, 3.3, 2.4, { ...HD, rem: 32, width: HD.width * 2, height: HD.height * 2 }).fontPx).toBeCloseTo(
      planGrid(120, 3.3, 2.4, HD).fontPx * 2,
    );
  });

  it("WALL-LEG4 before the grid is measured it falls back to a square-ish grid", () => {
    expect(planGrid(41, 3, 2.4, null)).toEqual({ cols: 9, rows: 5, fontPx: 18, stacked: true });
  });
});
