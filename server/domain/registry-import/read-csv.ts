// Why: a CSV is parsed as a stream, a slice at a time, each row counted as it comes, so a huge file is refused early and the server keeps answering.
import { CsvError, Parser } from "csv-parse";
import { parse } from "csv-parse/sync";
import { ImportFileError } from "./columns";
import { chooseEncoding, decodePrefix, decodeSlices } from "./decode";
import { Grid, type Line } from "./grid";
import { breathe, FileTooLargeError, LIMITS } from "./limits";

/** Tab-separated when the first line has tabs and no commas (Excel's "Unicode text"), else comma-separated. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}

const options = (delimiter: string) => ({
  delimiter,
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
  max_record_size: LIMITS.recordBytes,
});

/** The line a record starts on: csv-parse counts the line it ends on, and a quoted cell may hold line breaks. */
function startLine(record: string[], endLine: number): number {
  let inner = 0;
  for (const cell of record) for (let at = cell.indexOf("\n"); at >= 0; at = cell.indexOf("\n", at + 1)) inner++;
  return endLine - inner;
}

/** The non-blank rows among the first 30 lines of `text`: where a header is looked for. */
function firstRows(text: string): string[][] {
  try {
    const list = parse(text, { ...options(delimiterOf(text)), to_line: 30 }) as string[][];
    return list.filter((cells) => cells.some((c) => c.trim() !== ""));
  } catch {
    return [];
  }
}

function unreadable(err: unknown): unknown {
  if (!(err instanceof CsvError)) return err;
  const line = Number((err as unknown as { lines?: number }).lines) || 1;
  if (err.code === "CSV_MAX_RECORD_SIZE")
    return new FileTooLargeError(line, "file_row_too_large", { line, kib: LIMITS.recordBytes / 1024 });
  return new ImportFileError(line, "csv_unreadable", { line, detail: err.message });
}

/** Feeds one slice to the parser; its rows go to the grid as they are parsed (nothing else is kept). */
const feed = (parser: Parser, text: string | null) =>
  new Promise<void>((resolve, reject) => {
    const done = (err?: Error | null) => (err ? reject(err) : resolve());
    if (text === null) parser.end(done);
    else parser.write(text, done);
  });

/**
 * Reads a CSV (UTF-8, GBK or UTF-16; comma- or tab-separated) into its non-blank rows, a slice at a time.
 * `fits` is shown the first rows of a candidate encoding and says whether they hold the header.
 */
export async function readCsv(bytes: Uint8Array, fits: (rows: string[][]) => boolean): Promise<{ encoding: string; lines: Line[] }> {
  const encoding = chooseEncoding(bytes, (text) => fits(firstRows(text)));
  const grid = new Grid();
  const parser = new Parser({
    ...options(delimiterOf(decodePrefix(bytes, encoding))),
    // Each record goes to the grid as it is parsed; none is kept by the parser.
    on_record: (record, info) => {
      grid.add(startLine(record, info.lines), record);
      return null;
    },
  });
  parser.on("error", () => {});
  try {
    for (const slice of decodeSlices(bytes, encoding)) {
      await feed(parser, slice);
      await breathe();
    }
    await feed(parser, null);
  } catch (err) {
    parser.destroy();
    throw unreadable(err);
  }
  return { encoding: encoding.encoding, lines: grid.lines };
}
