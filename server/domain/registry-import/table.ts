// Why: a registry arrives as CSV (UTF-8 or GBK) or as an Excel workbook; both become the same grid of text cells with row numbers.
import { ImportFileError } from "./columns";
import { readCells } from "./read-cells";
import type { Grid } from "./types";

const isOldExcel = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Reads a registry file (CSV or .xlsx, told apart by its first bytes) into sheets of rows of text cells, within the
 * bounds of limits.ts; what the rows mean is another step (header.ts). `isHeader` tells a CSV's candidate encodings
 * apart: the right one shows a header among its first rows.
 */
export async function readGrid(bytes: Uint8Array, isHeader: (cells: string[]) => boolean): Promise<Grid> {
  if (bytes.length === 0) throw new ImportFileError(1, "file_empty");
  if (isOldExcel(bytes)) throw new ImportFileError(1, "file_old_xls");
  const read = await readCells(bytes, (rows) => rows.some(isHeader));
  return { format: read.format, encoding: read.encoding, sheets: read.sheets };
}
