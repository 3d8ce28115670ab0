// Why: each data row becomes a household or volunteer, or an error naming its line and the column as the file spells it.
import { PAYLOADS } from "../../protocol/events";
import { type ReasonRef, render } from "../../protocol/reasons";
import { EN } from "../../protocol/reasons-en";
import { type FieldKey, resolveColumns } from "./columns";
import type { HouseholdRow, ImportKind, RowError, Table, VolunteerRow } from "./types";

/** What separates skills in one cell: the contract's `;` `,` `、`, and their full-width forms. */
export const SKILL_SEPARATORS = /[;,、；，]/;
const phoneSchema = PAYLOADS["volunteer.registered"].shape.phone;
const MAX = { building: 100, unit: 32, name: 100, skill: 40, skills: 20 } as const;

type Cells<K extends ImportKind> = {
  get(key: FieldKey<K>): string | undefined;
  label(key: FieldKey<K>): string;
};

function cellsOf<K extends ImportKind>(table: Table, cols: Partial<Record<FieldKey<K>, number>>, cells: string[]): Cells<K> {
  return {
    get: (key) => {
      const i = cols[key];
      return i === undefined ? undefined : (cells[i] ?? "").trim();
    },
    label: (key) => `"${(table.header.cells[cols[key] ?? -1] ?? key).trim()}"`,
  };
}

function text(c: Cells<any>, key: string, max: number, problems: ReasonRef[]): string {
  const v = c.get(key) ?? "";
  if (!v) problems.push({ reason: "cell_empty", params: { column: c.label(key) } });
  else if (v.length > max) problems.push({ reason: "cell_too_long", params: { column: c.label(key), max } });
  return v;
}

function phone(c: Cells<any>, problems: ReasonRef[]): string | null | undefined {
  const v = c.get("phone");
  if (v === undefined || v === "") return v === undefined ? undefined : null;
  if (!phoneSchema.safeParse(v).success) problems.push({ reason: "cell_not_phone", params: { column: c.label("phone"), value: v } });
  return v;
}

function household(c: Cells<"households">, line: number, problems: ReasonRef[]): HouseholdRow {
  const building = text(c, "building", MAX.building, problems);
  const unit = text(c, "unit", MAX.unit, problems);
  const raw = c.get("residents") ?? "";
  const residents = /^\d+(\.0+)?$/.test(raw) ? Number.parseInt(raw, 10) : Number.NaN;
  if (!(residents >= 1 && residents <= 50))
    problems.push({ reason: "residents_out_of_range", params: { column: c.label("residents"), value: raw } });
  const name = c.get("name");
  const tel = phone(c, problems);
  let contact: HouseholdRow["contact"];
  if (name === undefined && tel === undefined) contact = undefined;
  else if (!name && !tel) contact = null;
  else if (!name || !tel) problems.push({ reason: "contact_incomplete", params: { column: name ? c.label("phone") : c.label("name") } });
  else if (name.length > MAX.name) problems.push({ reason: "cell_too_long", params: { column: c.label("name"), max: MAX.name } });
  else contact = { name, phone: tel };
  return { line, building, unit, residents, contact };
}

/** Splits a skills cell on any separator, dropping blanks and repeats, keeping the file's order. */
export function splitSkills(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(SKILL_SEPARATORS)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function volunteer(c: Cells<"volunteers">, line: number, problems: ReasonRef[]): VolunteerRow {
  const name = text(c, "name", MAX.name, problems);
  const tel = phone(c, problems);
  const cell = c.get("skills");
  const skills = cell === undefined ? undefined : splitSkills(cell);
  if (skills?.some((s) => s.length > MAX.skill))
    problems.push({ reason: "skill_too_long", params: { column: c.label("skills"), max: MAX.skill } });
  if (skills && skills.length > MAX.skills)
    problems.push({ reason: "too_many_skills", params: { column: c.label("skills"), max: MAX.skills } });
  return { line, name, phone: tel, skills };
}

/** The rows of a households table, and an error for each row that cannot be one. */
export function householdRows(table: Table): { rows: HouseholdRow[]; errors: RowError[] } {
  const cols = resolveColumns("households", table.header.cells, table.header.line);
  return collect(table, (cells, line, problems) => household(cellsOf(table, cols, cells), line, problems));
}

/** The rows of a volunteers table, and an error for each row that cannot be one. */
export function volunteerRows(table: Table): { rows: VolunteerRow[]; errors: RowError[] } {
  const cols = resolveColumns("volunteers", table.header.cells, table.header.line);
  return collect(table, (cells, line, problems) => volunteer(cellsOf(table, cols, cells), line, problems));
}

function collect<R>(table: Table, read: (cells: string[], line: number, problems: ReasonRef[]) => R): { rows: R[]; errors: RowError[] } {
  const rows: R[] = [];
  const errors: RowError[] = [];
  for (const { line, cells } of table.rows) {
    const problems: ReasonRef[] = [];
    // PostgreSQL text cannot hold NUL; such a row is refused here rather than failing the transaction.
    if (cells.some((c) => c.includes("\u0000"))) problems.push({ reason: "cell_nul", params: {} });
    const row = read(cells, line, problems);
    if (problems.length > 0) errors.push(rowError(line, problems));
    else rows.push(row);
  }
  return { rows, errors };
}

/** A bad row: one problem's reason as it is, several as `row_problems`; the English message joins them with "; ". */
export function rowError(line: number, problems: ReasonRef[]): RowError {
  const one = problems.length === 1 ? problems[0] : undefined;
  const r: ReasonRef = one ?? { reason: "row_problems", params: { problems } };
  return { line, message: problems.map((p) => render(EN, p)).join("; "), reason: r.reason, params: r.params };
}
