// Why: a committee writes numbers and phones as people do ("３", "3人", "空置", two phones in a cell); this reads them as values.
import { PAYLOADS } from "../../protocol/events";

const phoneSchema = PAYLOADS["volunteer.registered"].shape.phone;

/** Words for a flat nobody lives in: registered with 0 residents. */
const VACANT = new Set(["空置", "空", "空房", "空户", "无人", "无人居住", "vacant", "empty"]);

/** A number of residents: "3", "３", "3人", "3 口", "3.0"; 0 for a vacant flat; NaN for anything else. */
export function readResidents(cell: string): number {
  const t = cell.normalize("NFKC").trim().toLowerCase();
  if (VACANT.has(t)) return 0;
  const m = /^(\d+)(?:\.0+)?\s*(?:人|口|位|名)?$/.exec(t);
  return m ? Number.parseInt(m[1] as string, 10) : Number.NaN;
}

/** A room or entrance as stored: full-width digits and letters folded to ASCII ("１０４" → "104"), spaces trimmed. */
export const roomText = (cell: string) => cell.normalize("NFKC").trim().replace(/\s+/g, " ");

const isPhone = (s: string) => phoneSchema.safeParse(s).success;
const digits = (s: string) => s.replace(/\D/g, "").length;

/**
 * The phones in a cell, first the contact's: one phone, or several separated by `/` `,` `;` `、` `|` or by spaces
 * between whole numbers ("13800000001 13900000002"). `[]` for an empty cell, null when it is not phones.
 */
export function readPhones(cell: string): string[] | null {
  const t = cell.normalize("NFKC").trim();
  if (t === "") return [];
  const parts = t
    .split(/[/,;、|]/)
    .flatMap((p) => {
      const s = p.trim();
      // One phone has at most 15 digits; more, in parts of 7 or more split by spaces, are several numbers.
      const words = s.split(/\s+/);
      return digits(s) > 15 && words.length > 1 && words.every((w) => digits(w) >= 7) ? words : [s];
    })
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 4 || !parts.every(isPhone)) return null;
  return parts;
}

const TOTALS = new Set(["合计", "小计", "总计", "共计", "总数", "total", "totals", "subtotal", "grandtotal", "sum"]);

/** Whether a cell marks a totals row (合计, 小计, 总计, Total…): such a row is skipped, not read as a household. */
export function totalCell(cell: string): boolean {
  const t = cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s:]+/g, "");
  return TOTALS.has(t) || /^(合计|小计|总计|共计)(\d+[人户]?)?$/.test(t);
}
