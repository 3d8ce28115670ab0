// Why: a registry arrives as CSV (UTF-8 or GBK) or as an Excel workbook; both become the same grid of text cells with row numbers.
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { headerFits, ImportFileError } from "./columns";
import { decodeText } from "./decode";
import type { ImportKind, Table } from "./types";

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOldExcel = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Reads a registry file (CSV or .xlsx, told apart by its first bytes) into a header and rows of text cells. */
export async function readTable(bytes: Uint8Array, kind: ImportKind): Promise<Table> {
  if (bytes.length === 0) throw new ImportFileError(1, "file_empty");
  if (isOldExcel(bytes)) throw new ImportFileError(1, "file_old_xls");
  const read = isZip(bytes) ? await readWorkbook(bytes) : readCsv(bytes, kind);
  // Rows with nothing but blanks are skipped, whatever their number; the first other row is the header.
  const [header, ...rows] = read.lines.filter((l) => l.cells.some((c) => c.trim() !== ""));
  if (!header) throw new ImportFileError(1, "file_no_rows");
  return { format: read.format, encoding: read.encoding, header, rows };
}

type Lines = Pick<Table, "format" | "encoding"> & { lines: Table["rows"] };

/** Tab-separated when the first line has tabs and no commas (Excel's "Unicode text"), else comma-separated. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

type CsvRecord = { record: string[]; raw: string; info: { lines: number } };

function records(text: string, opts: { toLine?: number } = {}): CsvRecord[] {
  return parse(text, {
    delimiter: delimiterOf(text),
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    ...(opts.toLine ? { to_line: opts.toLine } : {}),
  }) as unknown as CsvRecord[];
}

/** The line a record starts on: csv-parse counts the line it ends on, and a quoted cell may span lines. */
function startLine(r: CsvRecord): number {
  const body = r.raw.replace(/^[\r\n]+/, "");
  const inner = (body.match(/\n/g)?.length ?? 0) - (body.endsWith("\n") ? 1 : 0);
  return r.info.lines - inner;
}

function firstRow(text: string): string[] {
  try {
    const found = records(text.slice(0, 64 * 1024), { toLine: 20 }).find((r) => r.record.some((c) => c.trim() !== ""));
    return found?.record ?? [];
  } catch {
    return [];
  }
}

function readCsv(bytes: Uint8Array, kind: ImportKind): Lines {
  const { text, encoding } = decodeText(bytes, (t) => headerFits(kind, firstRow(t)));
  let list: CsvRecord[];
  try {
    list = records(text);
  } catch (err) {
    if (err instanceof CsvError) {
      const line = Number((err as unknown as { lines?: number }).lines) || 1;
      throw new ImportFileError(line, "csv_unreadable", { line, detail: err.message });
    }
    throw err;
  }
  return { format: "csv", encoding, lines: list.map((r) => ({ line: startLine(r), cells: r.record })) };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "error" in v) return String(v.error);
  try {
    return cell.text ?? "";
  } catch {
    return String(v);
  }
}

async function readWorkbook(bytes: Uint8Array): Promise<Lines> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(1, "xlsx_unreadable", { detail: (err as Error).message });
  }
  const sheet = book.worksheets.find((ws) => ws.actualRowCount > 0);
  const lines: { line: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    lines.push({ line, cells: Array.from(cells, (c) => c ?? "") });
  });
  return { format: "xlsx", encoding: null, lines };
}
