// Why: the one way from a file's bytes to rows of text cells, CSV or .xlsx, read within bounds; what the cells mean is decided after.
import type { Line } from "./grid";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A file's non-blank rows of text cells, with how it was read; `sheets`: a workbook's sheet names (none for CSV). */
export interface Cells {
  format: "csv" | "xlsx";
  /** The text encoding a CSV was read in (utf-8, gb18030, …); `null` for a workbook. */
  encoding: string | null;
  lines: Line[];
  sheets: string[];
}

/**
 * Reads a CSV or an .xlsx (told apart by its first bytes) into its non-blank rows; `fits` is shown a CSV's
 * first rows in a candidate encoding and says whether they hold the header. Throws ImportFileError when the
 * file cannot be read, FileTooLargeError (413) as soon as it passes a bound of LIMITS.
 */
export async function readCells(bytes: Uint8Array, fits: (rows: string[][]) => boolean): Promise<Cells> {
  if (isZip(bytes)) return { format: "xlsx", encoding: null, ...(await readXlsx(bytes)) };
  const csv = await readCsv(bytes, fits);
  return { format: "csv", encoding: csv.encoding, lines: csv.lines, sheets: [] };
}
