// Why: a committee's sheet starts with a merged title, notes and blank rows; the header is the first row naming an address column.
import { ImportFileError, namesAddress, readColumns } from "./columns";
import type { Grid, ImportKind, Line, Mapping, Table } from "./types";

/** How far down a header is looked for: title rows and notes above it are a handful, never pages. */
export const HEADER_SEARCH_ROWS = 30;

const blank = (l: Line) => l.cells.every((c) => c.trim() === "");

/** The first of a sheet's first rows that names an address column, or undefined. */
export function findHeader(kind: ImportKind, lines: Line[], mapping: Mapping = {}): number | undefined {
  let looked = 0;
  for (let i = 0; i < lines.length && looked < HEADER_SEARCH_ROWS; i++) {
    const l = lines[i] as Line;
    if (blank(l)) continue;
    looked++;
    if (namesAddress(kind, l.cells, mapping)) return i;
  }
  return undefined;
}

/** Which sheet `pick` names: its name as shown on the tab, or its position counted from 1. */
function pickSheet(grid: Grid, pick: string): number {
  const byName = grid.sheets.findIndex((s) => s.name.trim() === pick.trim());
  if (byName >= 0) return byName;
  const n = /^\d+$/.test(pick.trim()) ? Number(pick) : Number.NaN;
  if (n >= 1 && n <= grid.sheets.length) return n - 1;
  throw new ImportFileError(1, "sheet_not_found", { sheet: pick, sheets: grid.sheets.map((s) => s.name).join(", ") });
}

/** The first rows of a sheet as the refusal quotes them: `[line] cell | cell`, at most three rows of 60 characters. */
function seenRows(lines: Line[]): string {
  return lines
    .filter((l) => !blank(l))
    .slice(0, 3)
    .map((l) => {
      const text = [...new Set(l.cells.map((c) => c.trim()).filter(Boolean))].join(" | ");
      return `[${l.line}] ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`;
    })
    .join("; ");
}

/**
 * Gives a grid its meaning: the sheet (the one picked, else the first with a header), its header row and columns,
 * and the data rows below (blank rows dropped). Throws when no sheet has a header naming an address column.
 */
export function interpret(grid: Grid, kind: ImportKind, opts: { sheet?: string; mapping?: Mapping } = {}): Table {
  const mapping = opts.mapping ?? {};
  const names = grid.sheets.map((s) => s.name);
  const order = opts.sheet !== undefined ? [pickSheet(grid, opts.sheet)] : grid.sheets.map((_, i) => i);
  for (const i of order) {
    const lines = grid.sheets[i]?.lines ?? [];
    const h = findHeader(kind, lines, mapping);
    if (h === undefined) continue;
    const header = lines[h] as Line;
    return {
      format: grid.format,
      encoding: grid.encoding,
      sheet: grid.format === "xlsx" ? { index: i + 1, name: names[i] ?? "", names } : null,
      header,
      columns: readColumns(kind, header.cells, mapping),
      rows: lines.slice(h + 1).filter((l) => !blank(l)),
    };
  }
  const first = grid.sheets[order[0] ?? 0]?.lines ?? [];
  if (!first.some((l) => !blank(l))) throw new ImportFileError(1, "file_no_rows");
  const line = first.find((l) => !blank(l))?.line ?? 1;
  throw new ImportFileError(line, "header_not_found", { kind, seen: seenRows(first) });
}
