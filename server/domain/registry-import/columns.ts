// Why: a committee's spreadsheet names its columns in English or Chinese; this finds them by those names (contract section 5).
import { type Params, type Reason, render } from "../../protocol/reasons";
import { EN } from "../../protocol/reasons-en";
import type { ImportKind } from "./types";

type Field = { key: string; required: boolean; names: readonly string[] };

/** The contract's table: each field, whether it is required, and the header names it answers to. */
export const COLUMNS = {
  households: [
    { key: "building", required: true, names: ["building", "楼栋", "楼号"] },
    { key: "unit", required: true, names: ["unit", "室号", "房号", "门牌"] },
    { key: "residents", required: true, names: ["residents", "人数"] },
    { key: "name", required: false, names: ["name", "联系人", "户主", "姓名"] },
    { key: "phone", required: false, names: ["phone", "联系电话", "电话", "手机"] },
  ],
  volunteers: [
    { key: "name", required: true, names: ["name", "姓名"] },
    { key: "phone", required: false, names: ["phone", "电话", "手机", "联系电话"] },
    { key: "skills", required: false, names: ["skills", "技能"] },
  ],
} as const satisfies Record<ImportKind, readonly Field[]>;

export type FieldKey<K extends ImportKind> = (typeof COLUMNS)[K][number]["key"];

/** A file that cannot be read at all (no header, a wrong format): nothing in it can be imported. */
export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: Reason,
    readonly params: Params = {},
  ) {
    super(render(EN, { reason, params }));
  }
}

/** Header text as compared: full-width forms folded (ＮＡＭＥ → name), spaces trimmed, case ignored. */
export const headerKey = (cell: string) => cell.normalize("NFKC").trim().toLowerCase();

/** Which cell index holds each field; throws when a required column is missing or a field has two columns. */
export function resolveColumns<K extends ImportKind>(kind: K, header: string[], line = 1): Partial<Record<FieldKey<K>, number>> {
  const fields = COLUMNS[kind] as readonly Field[];
  const found: Record<string, number> = {};
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    const field = fields.find((f) => f.names.includes(key));
    if (!field) return;
    const before = found[field.key];
    if (before !== undefined)
      throw new ImportFileError(line, "header_duplicate_column", {
        field: field.key,
        first: header[before]?.trim() ?? "",
        second: cell.trim(),
      });
    found[field.key] = i;
  });
  const missing = fields.filter((f) => f.required && found[f.key] === undefined);
  if (missing.length > 0) {
    const want = missing.map((f) => `${f.key} (${f.names.slice(1).join(" or ")})`).join(", ");
    const seen = header.map((c) => c.trim()).filter(Boolean);
    throw new ImportFileError(line, "header_missing_columns", { line, columns: want, kind, seen: seen.map((c) => `"${c}"`).join(", ") });
  }
  return found as Partial<Record<FieldKey<K>, number>>;
}

/** Whether a header row names every required column of `kind`: used to choose between candidate text encodings. */
export function headerFits(kind: ImportKind, header: string[]): boolean {
  try {
    resolveColumns(kind, header);
    return true;
  } catch {
    return false;
  }
}
