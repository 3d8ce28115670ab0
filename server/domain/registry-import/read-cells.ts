// Why: the one way from a file's bytes to rows of text cells, CSV or .xlsx, read within bounds; what the cells mean is decided after.
import type { Sheet } from "./grid";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A file's sheets of non-blank rows of text cells (a CSV is one sheet named ""), with how it was read. */
export interface Cells {
  format: "csv" | "xlsx";
  /** The text encoding a CSV was read in (utf-8, gb18030, …); `null` for a workbook. */
  encoding: string | null;
  sheets: Sheet[];
}

/**
 * Reads a CSV or an .xlsx (told apart by its first bytes) into its sheets of non-blank rows; `fits` is shown a
 * CSV's first rows (of its first 30 lines) in a candidate encoding and says whether they hold the header. Throws ImportFileError when the
 * file cannot be read, FileTooLargeError (413) as soon as it passes a bound of LIMITS.
 */
export async function readCells(bytes: Uint8Array, fits: (rows: string[][]) => boolean): Promise<Cells> {
  if (isZip(bytes)) return { format: "xlsx", encoding: null, sheets: await readXlsx(bytes) };
  const csv = await readCsv(bytes, fits);
  return { format: "csv", encoding: csv.encoding, sheets: [{ name: "", lines: csv.lines }] };
}
