// Why: the wall's grid must keep every label and share legible (≥ 18 px, never overlapping) from 12 to 120 buildings. Pure.

/** How the tiles are laid out: columns and rows, the text size in px, and whether the share sits under the label. */
export interface GridPlan {
  cols: number;
  rows: number;
  fontPx: number;
  stacked: boolean;
}

/** The box the grid fills (px) and the root font size (px per rem: 16 at 1080p, 32 at 4K). */
export interface Box {
  width: number;
  height: number;
  rem: number;
}

/** Tile metrics in em of the tile's text size; the component's classes use the same numbers. */
export const TILE = { padX: 0.3, padY: 0.12, line: 1.25, gapEm: 0.4, gapRem: 0.25, maxRem: 2.25, minRem: 1.125 } as const;

/**
 * The plan giving the largest text: for each column count, the text size at which the widest label (and the share,
 * "100%") fits its tile, stacked on two lines or side by side on one. `labelEm` and `shareEm` are text widths in em.
 */
export function planGrid(n: number, labelEm: number, shareEm: number, box: Box | null): GridPlan {
  const count = Math.max(1, n);
  if (!box || box.width <= 0 || box.height <= 0) {
    const cols = Math.max(4, Math.ceil(Math.sqrt(count * 1.9)));
    return { cols, rows: Math.ceil(count / cols), fontPx: 18, stacked: true };
  }
  const gap = TILE.gapRem * box.rem;
  const shapes = [
    { stacked: true, w: Math.max(labelEm, shareEm) + 2 * TILE.padX, h: 2 * TILE.line + 2 * TILE.padY },
    { stacked: false, w: labelEm + TILE.gapEm + shareEm + 2 * TILE.padX, h: TILE.line + 2 * TILE.padY },
  ];
  let best: GridPlan | null = null;
  for (const shape of shapes)
    for (let cols = 1; cols <= count; cols++) {
      const rows = Math.ceil(count / cols);
      const tileW = (box.width - (cols - 1) * gap) / cols;
      const tileH = (box.height - (rows - 1) * gap) / rows;
      const fontPx = Math.min(tileW / shape.w, tileH / shape.h, TILE.maxRem * box.rem);
      // Stacked wins a tie: the label reads first, on its own line.
      if (!best || fontPx > best.fontPx + 0.01) best = { cols, rows, fontPx, stacked: shape.stacked };
    }
  return best as GridPlan;
}
