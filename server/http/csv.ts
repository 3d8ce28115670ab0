// Why: one place that turns rows into a CSV file Excel opens right (UTF-8 with BOM), through a maintained CSV library.
import { stringify } from "csv-stringify/sync";

/** A leading = + - @ makes a spreadsheet read text as a formula: such text is kept as text with a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

const cell = (v: string | number | null) => (v === null ? "" : typeof v === "string" && FORMULA.test(v) ? `'${v}` : String(v));

/** Rows (header first) as a UTF-8 CSV with a BOM and CRLF line ends. */
export async function toCsv(header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  return Buffer.from(stringify([header, ...rows.map((r) => r.map(cell))], { bom: true, record_delimiter: "\r\n" }), "utf8");
}
