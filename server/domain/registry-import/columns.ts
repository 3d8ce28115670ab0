// Why: a committee's spreadsheet names its columns in its own words; this finds them by those names, or by the secretary's choice.
import { type Params, type Reason, render } from "../../protocol/reasons";
import { EN } from "../../protocol/reasons-en";
import type { ColumnRead, ImportKind, ImportSummary, Mapping } from "./types";

type Field = { key: string; required: boolean; address?: boolean; names: readonly string[] };

const PHONE = [
  "phone",
  "tel",
  "telephone",
  "mobile",
  "mobile phone",
  "phone number",
  "mobile number",
  "contact phone",
  "联系电话",
  "电话",
  "手机",
  "手机号",
  "手机号码",
  "联系方式",
  "电话号码",
];

/** The contract's table and more: each field, whether it is required, whether it is part of an address, its names. */
export const COLUMNS = {
  households: [
    {
      key: "building",
      required: true,
      address: true,
      names: ["building", "bldg", "block", "building no", "楼栋", "楼号", "栋", "幢", "号楼", "楼栋号", "栋号", "楼"],
    },
    {
      key: "entrance",
      required: false,
      address: true,
      names: ["entrance", "unit no", "stairwell", "staircase", "单元", "单元号", "门洞", "梯", "梯号"],
    },
    {
      key: "unit",
      required: true,
      address: true,
      names: ["unit", "room", "room no", "flat", "flat no", "apartment", "室号", "房号", "门牌", "门牌号", "房间号", "室"],
    },
    {
      key: "residents",
      required: true,
      names: ["residents", "people", "persons", "occupants", "household size", "人数", "户籍人数", "常住人数", "在住人数", "居住人数"],
    },
    {
      key: "name",
      required: false,
      names: ["name", "contact", "contact name", "householder", "head of household", "联系人", "户主", "户主姓名", "姓名"],
    },
    { key: "phone", required: false, names: PHONE },
  ],
  volunteers: [
    { key: "name", required: true, address: true, names: ["name", "volunteer", "姓名", "志愿者", "志愿者姓名"] },
    { key: "phone", required: false, names: PHONE },
    { key: "skills", required: false, names: ["skills", "skill", "技能", "特长", "专长"] },
    { key: "building", required: false, names: ["building", "所住楼号", "所住楼栋", "楼号", "楼栋", "居住楼号"] },
  ],
} as const satisfies Record<ImportKind, readonly Field[]>;

export type FieldKey<K extends ImportKind> = (typeof COLUMNS)[K][number]["key"];
export const IGNORE = "ignore";

/** A file that cannot be read at all (no header, a wrong format): nothing in it can be imported. */
export class ImportFileError extends Error {
  /** How far the file was read (its header found, a required column not): the screen shows it so a column can be chosen. */
  read: ImportSummary["read"] = null;
  constructor(
    readonly line: number,
    readonly reason: Reason,
    readonly params: Params = {},
  ) {
    super(render(EN, { reason, params }));
  }
}

/**
 * Header text as compared: full-width forms folded (ＮＡＭＥ → name), what is in brackets dropped ("电话(必填)"),
 * spaces, `*`, `:`, `.` and `#` dropped, case ignored.
 */
export const headerKey = (cell: string) =>
  cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[([{【〔][^)\]}】〕]*[)\]}】〕]/g, "")
    .replace(/[\s*:.#_\-/]+/g, "");

const fieldsOf = (kind: ImportKind) => COLUMNS[kind] as readonly Field[];
const byName = new Map<ImportKind, Map<string, string>>();
function namesOf(kind: ImportKind): Map<string, string> {
  let m = byName.get(kind);
  if (!m) {
    m = new Map();
    for (const f of fieldsOf(kind)) for (const n of f.names) if (!m.has(headerKey(n))) m.set(headerKey(n), f.key);
    byName.set(kind, m);
  }
  return m;
}

/** The field keys of `kind`, for a screen's picker and for checking a mapping. */
export const fieldKeys = (kind: ImportKind) => fieldsOf(kind).map((f) => f.key);

/** A mapping keyed as headers are compared, keeping only known fields and `ignore`. */
export function normaliseMapping(kind: ImportKind, mapping: Mapping): Mapping {
  const keys = new Set([...fieldKeys(kind), IGNORE]);
  const out: Mapping = {};
  for (const [k, v] of Object.entries(mapping)) if (headerKey(k) && keys.has(v)) out[headerKey(k)] = v;
  return out;
}

/**
 * How each named column of a header row is read: the secretary's mapping first, then the names. A field the mapping
 * gives to one column is not also given by name to another.
 */
export function readColumns(kind: ImportKind, header: string[], mapping: Mapping = {}): ColumnRead[] {
  const names = namesOf(kind);
  const out: ColumnRead[] = header.map((cell, index) => {
    const chosen = mapping[headerKey(cell)];
    if (chosen) return { index, name: cell.trim(), field: chosen === IGNORE ? null : chosen, by: "mapping" as const };
    const field = names.get(headerKey(cell)) ?? null;
    return { index, name: cell.trim(), field, by: field ? ("name" as const) : null };
  });
  const mapped = new Set(out.filter((c) => c.by === "mapping" && c.field).map((c) => c.field));
  for (const c of out) if (c.by === "name" && mapped.has(c.field)) Object.assign(c, { field: null, by: null });
  return out.filter((c) => c.name !== "");
}

/** Whether a row names at least one address column (building, entrance or room; a volunteer's name): it is the header. */
export function namesAddress(kind: ImportKind, cells: string[], mapping: Mapping = {}): boolean {
  const address = new Set(
    fieldsOf(kind)
      .filter((f) => f.address)
      .map((f) => f.key),
  );
  return readColumns(kind, cells, mapping).some((c) => c.field !== null && address.has(c.field));
}

/** Which cell index holds each field; throws when a required column is missing or a field has two columns. */
export function resolveColumns<K extends ImportKind>(
  kind: K,
  header: string[],
  line = 1,
  mapping: Mapping = {},
): Partial<Record<FieldKey<K>, number>> {
  const found: Record<string, number> = {};
  for (const c of readColumns(kind, header, mapping)) {
    if (!c.field) continue;
    const before = found[c.field];
    if (before !== undefined)
      throw new ImportFileError(line, "header_duplicate_column", {
        field: c.field,
        first: header[before]?.trim() ?? "",
        second: c.name,
      });
    found[c.field] = c.index;
  }
  const missing = fieldsOf(kind).filter((f) => f.required && found[f.key] === undefined);
  if (missing.length > 0) {
    const seen = header.map((c) => c.trim()).filter(Boolean);
    throw new ImportFileError(line, "header_missing_columns", {
      line,
      fields: missing.map((f) => f.key).join(","),
      kind,
      seen: seen.map((c) => `"${c}"`).join(", "),
    });
  }
  return found as Partial<Record<FieldKey<K>, number>>;
}
