// Why: a worksheet's rows are read from its XML as they stream, each cell's text as Excel shows it, merged ranges filled as ExcelJS fills them.
import type { Grid, Merge } from "./grid";
import { FileTooLargeError, LIMITS, MAX_IMPORT_ROWS } from "./limits";
import type { XmlHandlers } from "./xml";

/** A cell reference's column, from 0 ("A1" → 0, "AB7" → 27); -1 when it has none. */
function column(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) - 64;
    if (c < 1 || c > 26) break;
    n = n * 26 + c;
  }
  return i === 0 ? -1 : n - 1;
}

const rowOf = (ref: string) => Number(/\d+$/.exec(ref)?.[0] ?? Number.NaN);

interface Cell {
  type: string;
  value: string;
  inline: string;
}

/** The text of a cell: shared strings looked up, booleans as true/false, numbers as JavaScript writes them. */
function cellText(cell: Cell, shared: readonly string[]): string {
  switch (cell.type) {
    case "s":
      return shared[Number(cell.value)] ?? "";
    case "inlineStr":
      return cell.inline;
    case "b":
      return cell.value === "" ? "" : String(cell.value === "1");
    case "str":
    case "e":
    case "d":
      return cell.value;
    default:
      return cell.value.trim() === "" ? "" : String(Number.parseFloat(cell.value));
  }
}

/** A sheet being read: its rows go to `grid` as each closes; merged ranges are kept for `fill`. */
export function sheetReader(shared: readonly string[], grid: Grid) {
  const merges: Merge[] = [];
  let row = 0;
  let rows = 0;
  let cells: string[] = [];
  let col = -1;
  let cell: Cell | null = null;
  let into: "value" | "inline" | null = null;
  let phonetic = false;
  const handlers: XmlHandlers = {
    open(name, a) {
      if (name === "row") {
        if (++rows > LIMITS.sheetRows) throw new FileTooLargeError(row, "file_too_many_rows", { max: MAX_IMPORT_ROWS });
        row = a.r ? Number(a.r) : row + 1;
        cells = [];
        col = -1;
      } else if (name === "c") {
        col = a.r ? column(a.r) : col + 1;
        cell = { type: a.t ?? "n", value: "", inline: "" };
      } else if (name === "v" && cell) into = "value";
      else if (name === "t" && cell && !phonetic) into = "inline";
      else if (name === "rPh") phonetic = true;
      else if (name === "mergeCell" && a.ref) {
        if (merges.length >= LIMITS.merges) throw new FileTooLargeError(1, "file_too_many_cells", { max: LIMITS.cells });
        const [from = "", to = from] = a.ref.split(":");
        merges.push({ top: rowOf(from), left: column(from), bottom: rowOf(to), right: column(to) });
      }
    },
    text(t) {
      if (!cell || !into) return;
      if (cell[into].length + t.length > LIMITS.cellChars)
        throw new FileTooLargeError(row, "file_cell_too_large", { line: row, max: LIMITS.cellChars });
      cell[into] += t;
    },
    close(name) {
      if (name === "v" || name === "t") into = null;
      else if (name === "rPh") phonetic = false;
      else if (name === "c" && cell) {
        if (col >= 0 && col < LIMITS.columns + 1) cells[col] = cellText(cell, shared);
        else if (cellText(cell, shared).trim() !== "")
          throw new FileTooLargeError(row, "file_too_many_columns", { line: row, max: LIMITS.columns });
        cell = null;
      } else if (name === "row")
        grid.add(
          row,
          Array.from(cells, (c) => c ?? ""),
        );
    },
  };
  return { handlers, merges };
}
