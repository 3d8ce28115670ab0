// Why: each data row becomes a household or volunteer, a skipped total, or an error naming its line and the column as the file names it.
import { type ReasonRef, render } from "../../protocol/reasons";
import { EN } from "../../protocol/reasons-en";
import { type FieldKey, resolveColumns } from "./columns";
import type { Contact, HouseholdRow, ImportKind, Mapping, RowError, SkippedRow, Table, VolunteerRow } from "./types";
import { readPhones, readResidents, roomText, totalCell } from "./values";

/** What separates skills in one cell: the contract's `;` `,` `、`, and their full-width forms. */
export const SKILL_SEPARATORS = /[;,、；，]/;
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

/** The phones of a cell (undefined: no column; []: empty), or a problem when it holds something else. */
function phones(c: Cells<any>, problems: ReasonRef[]): string[] | undefined {
  const v = c.get("phone");
  if (v === undefined) return undefined;
  const read = readPhones(v);
  if (read === null) problems.push({ reason: "cell_not_phone", params: { column: c.label("phone"), value: v } });
  return read ?? [];
}

function contactOf(c: Cells<"households">, problems: ReasonRef[]): HouseholdRow["contact"] {
  const name = c.get("name");
  const tel = phones(c, problems);
  if (name === undefined && tel === undefined) return undefined;
  if (!name && !tel?.length) return null;
  if (name && name.length > MAX.name) problems.push({ reason: "cell_too_long", params: { column: c.label("name"), max: MAX.name } });
  const [phone, ...others] = tel ?? [];
  const contact: Contact = { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(others.length ? { otherPhones: others } : {}) };
  return contact;
}

function household(c: Cells<"households">, line: number, problems: ReasonRef[]): HouseholdRow {
  const building = text(c, "building", MAX.building, problems).normalize("NFKC");
  const room = roomText(text(c, "unit", MAX.unit, problems));
  const entrance = roomText(c.get("entrance") ?? "").replace(/^(\d+)\s*(单元|门洞|梯)$/, "$1");
  const unit = entrance ? `${entrance}-${room}` : room;
  if (room && unit.length > MAX.unit) problems.push({ reason: "cell_too_long", params: { column: c.label("unit"), max: MAX.unit } });
  const raw = c.get("residents") ?? "";
  const residents = readResidents(raw);
  if (!(residents >= 0 && residents <= 50))
    problems.push({ reason: "residents_out_of_range", params: { column: c.label("residents"), value: raw } });
  return { line, building, entrance, room, unit, residents, contact: contactOf(c, problems) };
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
  const tel = phones(c, problems);
  const cell = c.get("skills");
  const skills = cell === undefined ? undefined : splitSkills(cell);
  if (skills?.some((s) => s.length > MAX.skill))
    problems.push({ reason: "skill_too_long", params: { column: c.label("skills"), max: MAX.skill } });
  if (skills && skills.length > MAX.skills)
    problems.push({ reason: "too_many_skills", params: { column: c.label("skills"), max: MAX.skills } });
  const b = c.get("building");
  if (b && b.length > MAX.building) problems.push({ reason: "cell_too_long", params: { column: c.label("building"), max: MAX.building } });
  const building = b === undefined ? undefined : b ? b.normalize("NFKC") : null;
  return { line, name, phone: tel === undefined ? undefined : (tel[0] ?? null), skills, building };
}

type Parsed<R> = { rows: R[]; errors: RowError[]; skipped: SkippedRow[] };

/** The rows of a households table, the totals left out, and an error for each row that cannot be one. */
export function householdRows(table: Table, mapping: Mapping = {}): Parsed<HouseholdRow> {
  const cols = resolveColumns("households", table.header.cells, table.header.line, mapping);
  return collect(table, (cells, line, problems) => household(cellsOf(table, cols, cells), line, problems));
}

/** The rows of a volunteers table, the totals left out, and an error for each row that cannot be one. */
export function volunteerRows(table: Table, mapping: Mapping = {}): Parsed<VolunteerRow> {
  const cols = resolveColumns("volunteers", table.header.cells, table.header.line, mapping);
  return collect(table, (cells, line, problems) => volunteer(cellsOf(table, cols, cells), line, problems));
}

function collect<R>(table: Table, read: (cells: string[], line: number, problems: ReasonRef[]) => R): Parsed<R> {
  const out: Parsed<R> = { rows: [], errors: [], skipped: [] };
  for (const { line, cells } of table.rows) {
    const total = cells.find(totalCell);
    if (total !== undefined) {
      out.skipped.push({ line, reason: "total", text: total.trim() });
      continue;
    }
    const problems: ReasonRef[] = [];
    // PostgreSQL text cannot hold NUL; such a row is refused here rather than failing the transaction.
    if (cells.some((c) => c.includes("\u0000"))) problems.push({ reason: "cell_nul", params: {} });
    const row = read(cells, line, problems);
    if (problems.length > 0) out.errors.push(rowError(line, problems));
    else out.rows.push(row);
  }
  return out;
}

/** A bad row: one problem's reason as it is, several as `row_problems`; the English message joins them with "; ". */
export function rowError(line: number, problems: ReasonRef[]): RowError {
  const one = problems.length === 1 ? problems[0] : undefined;
  const r: ReasonRef = one ?? { reason: "row_problems", params: { problems } };
  return { line, message: problems.map((p) => render(EN, p)).join("; "), reason: r.reason, params: r.params };
}
