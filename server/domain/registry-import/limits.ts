// Why: a file is read against fixed bounds as it streams in, so no upload (a zip bomb, a million rows) can exhaust memory.
import { ImportFileError } from "./columns";

/** More data rows than any compound has: a file beyond it is refused (413) rather than held in one long transaction. */
export const MAX_IMPORT_ROWS = 20_000;

const MiB = 1024 * 1024;

/** What reading a file may take; each bound is far above any committee's registry. */
export const LIMITS = {
  /** Non-blank rows read before the file is refused: the data rows, a header and room for title rows above it. */
  rows: MAX_IMPORT_ROWS + 100,
  /** Columns a row may fill (blank cells past it are dropped). */
  columns: 1_000,
  /** Cells kept in all: 20,000 rows of 50 columns. */
  cells: 1_000_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
  /** Bytes in one CSV record (a quote left open swallows the rest of the file into one record). */
  recordBytes: 1 * MiB,
  /** Parts in a workbook's zip, and what one part and all the parts read may unpack to (20,000 rows take ~5 MiB). */
  zipEntries: 10_000,
  partBytes: 32 * MiB,
  inflatedBytes: 64 * MiB,
  /** `<row>` elements in a sheet, blank ones included: Excel's own limit. */
  sheetRows: 1_048_576,
  /** XML: elements nested, bytes between two tags (a cell's text, one tag's attributes), shared strings, merged ranges. */
  xmlDepth: 64,
  xmlRun: 256 * 1024,
  sharedStrings: 1_000_000,
  merges: 100_000,
  sheets: 1_000,
} as const;

export const MIB = MiB;

/** A file refused for its size (413): nothing in it was imported. */
export class FileTooLargeError extends ImportFileError {}

/** Lets the event loop run (health checks, other requests) between slices of a long read. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
