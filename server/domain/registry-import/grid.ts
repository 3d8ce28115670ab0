// Why: rows are kept as they are read, counted against the bounds at once, so a file too big is refused before it is held.
import { FileTooLargeError, LIMITS, MAX_IMPORT_ROWS } from "./limits";

/** One row of text cells and the line it was read from (a CSV's physical line, a sheet's row number). */
export interface Line {
  line: number;
  cells: string[];
}

/** A sheet's name and its non-blank rows (a CSV is one sheet without a name). */
export interface Sheet {
  name: string;
  lines: Line[];
}

/** A merged range of a sheet: rows from 1, columns from 0, corners included. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === "");

/** The non-blank rows of a file, in order, within LIMITS (rows, columns, cells, characters a cell). */
export class Grid {
  readonly lines: Line[] = [];

  /** `kept` counts the cells of every grid read from one file (a workbook's sheets share it). */
  constructor(private readonly kept: { cells: number } = { cells: 0 }) {}

  /** Keeps a row unless it is blank; throws FileTooLargeError past a bound. */
  add(line: number, cells: string[]): void {
    if (blank(cells)) return;
    let kept = cells;
    if (kept.length > LIMITS.columns) {
      if (!blank(kept.slice(LIMITS.columns))) throw new FileTooLargeError(line, "file_too_many_columns", { line, max: LIMITS.columns });
      kept = kept.slice(0, LIMITS.columns);
    }
    for (const c of kept)
      if (c.length > LIMITS.cellChars) throw new FileTooLargeError(line, "file_cell_too_large", { line, max: LIMITS.cellChars });
    this.count(line, kept.length);
    this.lines.push({ line, cells: kept });
  }

  /**
   * Gives every cell of each merged range its top-left cell's text, as ExcelJS shows a merged range (a building
   * merged down its households' rows names each of them). The ranges' area counts against the cells bound.
   */
  fill(merges: readonly Merge[]): void {
    if (merges.length === 0) return;
    const rows = new Map(this.lines.map((l) => [l.line, l]));
    for (const m of merges) {
      if (!(m.top >= 1 && m.left >= 0 && m.bottom >= m.top && m.right >= m.left)) continue;
      const text = rows.get(m.top)?.cells[m.left] ?? "";
      const blankText = text.trim() === "";
      if (m.right >= LIMITS.columns && !blankText)
        throw new FileTooLargeError(m.top, "file_too_many_columns", { line: m.top, max: LIMITS.columns });
      const right = Math.min(m.right, LIMITS.columns - 1);
      this.count(m.top, (m.bottom - m.top + 1) * (right - m.left + 1));
      for (let r = m.top; r <= m.bottom; r++) {
        let row = rows.get(r);
        if (!row) {
          if (blankText) continue;
          row = { line: r, cells: [] };
          this.count(r, 0);
          rows.set(r, row);
          this.lines.push(row);
        }
        for (let c = m.left; c <= right; c++) if (c < row.cells.length || !blankText) row.cells[c] = text;
        row.cells = Array.from(row.cells, (c) => c ?? "");
      }
    }
    const kept = this.lines.filter((l) => !blank(l.cells)).sort((a, b) => a.line - b.line);
    this.lines.length = 0;
    for (const l of kept) this.lines.push(l);
  }

  private count(line: number, cells: number): void {
    this.kept.cells += cells;
    if (this.lines.length + 1 > LIMITS.rows) throw new FileTooLargeError(line, "file_too_many_rows", { max: MAX_IMPORT_ROWS });
    if (this.kept.cells > LIMITS.cells) throw new FileTooLargeError(line, "file_too_many_cells", { max: LIMITS.cells });
  }
}
