// Why: a registry arrives as CSV (UTF-8 or GBK) or as an Excel workbook; both become the same grid of text cells with row numbers.
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ImportFileError } from "./columns";
import { decodeText } from "./decode";
import type { Grid, Line } from "./types";

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOldExcel = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Reads a registry file (CSV or .xlsx, told apart by its first bytes) into sheets of rows of text cells; what the rows
 * mean is another step (header.ts). `isHeader` tells a CSV's candidate encodings apart: the right one shows a header.
 */
export async function readGrid(bytes: Uint8Array, isHeader: (cells: string[]) => boolean): Promise<Grid> {
  if (bytes.length === 0) throw new ImportFileError(1, "file_empty");
  if (isOldExcel(bytes)) throw new ImportFileError(1, "file_old_xls");
  return isZip(bytes) ? await readWorkbook(bytes) : readCsv(bytes, isHeader);
}

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

/** Whether one of a text's first rows is a header: how a wrong guess of its encoding is told from the right one. */
function showsHeader(text: string, isHeader: (cells: string[]) => boolean): boolean {
  try {
    return records(text.slice(0, 64 * 1024), { toLine: 30 }).some((r) => isHeader(r.record));
  } catch {
    return false;
  }
}

function readCsv(bytes: Uint8Array, isHeader: (cells: string[]) => boolean): Grid {
  const { text, encoding } = decodeText(bytes, (t) => showsHeader(t, isHeader));
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
  return { format: "csv", encoding, sheets: [{ name: "", lines: list.map((r) => ({ line: startLine(r), cells: r.record })) }] };
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

/** Every sheet's rows; a merged cell reads as its first cell's text in each row and column it covers. */
async function readWorkbook(bytes: Uint8Array): Promise<Grid> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(1, "xlsx_unreadable", { detail: (err as Error).message });
  }
  const sheets = book.worksheets.map((sheet) => {
    const lines: Line[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell);
      });
      lines.push({ line, cells: Array.from(cells, (c) => c ?? "") });
    });
    return { name: sheet.name, lines };
  });
  return { format: "xlsx", encoding: null, sheets };
}
