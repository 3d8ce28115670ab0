// Why: a registry arrives as CSV (UTF-8 or GBK) or as an Excel workbook; both become the same grid of text cells with row numbers.
import { headerFits, ImportFileError } from "./columns";
import { readCells } from "./read-cells";
import type { ImportKind, Table } from "./types";

const isOldExcel = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Reads a registry file (CSV or .xlsx, told apart by its first bytes) into a header and rows of text cells. */
export async function readTable(bytes: Uint8Array, kind: ImportKind): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileError(1, "file_empty");
  if (isOldExcel(bytes)) throw new ImportFileError(1, "file_old_xls");
  const read = await readCells(bytes, (rows) => headerFits(kind, rows[0] ?? []));
  // Rows with nothing but blanks are skipped, whatever their number; the first other row of the first sheet with rows is the header.
  const lines = read.sheets.find((s) => s.lines.length > 0)?.lines ?? [];
  const [header, ...rows] = lines.filter((l) => l.cells.some((c) => c.trim() !== ""));
  if (!header) throw new ImportFileError(1, "file_no_rows");
  return { format: read.format, encoding: read.encoding, header, rows };
}
