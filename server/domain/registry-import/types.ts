// Why: the shapes a registry file becomes on its way to events, shared by the parser, the diff, the route and the screens.
import type { Params, Reason } from "../../protocol/reasons";

export const IMPORT_KINDS = ["households", "volunteers"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One bad row: `line` counts the header as line 1 (a CSV's physical line, a sheet's row number). */
export interface RowError {
  line: number;
  message: string;
  /** v1.2: what is wrong, for a screen to translate (several problems: `row_problems` with `params.problems`). */
  reason: Reason;
  params: Params;
}

/** One row of cells as the file has it, with its line (a CSV's physical line, a sheet's row number). */
export type Line = { line: number; cells: string[] };

/** A file as read, before any meaning is given to it: a CSV is one sheet without a name. */
export interface Grid {
  format: "csv" | "xlsx";
  /** The text encoding a CSV was read in (utf-8, gb18030, …); `null` for a workbook. */
  encoding: string | null;
  sheets: { name: string; lines: Line[] }[];
}

/** How one column of the header was read: as the file names it, and the field it gives (null: ignored). */
export interface ColumnRead {
  index: number;
  name: string;
  field: string | null;
  /** `name`: by its header; `mapping`: the secretary's choice (this file's or the one remembered). */
  by: "name" | "mapping" | null;
}

/** The secretary's reading of columns: header text as the file names it → a field, or `ignore`. */
export type Mapping = Record<string, string>;

/** A sheet's header found and its columns read: the rows below are the data. */
export interface Table {
  format: "csv" | "xlsx";
  /** The text encoding a CSV was read in (utf-8, gb18030, …); `null` for a workbook. */
  encoding: string | null;
  /** The sheet read (1-based index) and every sheet's name; `null` for a CSV. */
  sheet: { index: number; name: string; names: string[] } | null;
  header: { line: number; cells: string[] };
  columns: ColumnRead[];
  rows: Line[];
}

/** A row left out on purpose (a 合计 row), listed so nothing is hidden. */
export interface SkippedRow {
  line: number;
  reason: "total";
  /** The cell that says so, as the file has it. */
  text: string;
}

/** A household's contact: a name, a phone or both; further phones from the same cell in `otherPhones`. */
export type Contact = { name?: string; phone?: string; otherPhones?: string[] };

export interface HouseholdRow {
  line: number;
  building: string;
  /** The entrance (单元) as read, `""` when the file has none: part of the household's identity. */
  entrance: string;
  /** The room (室号) with ASCII digits. */
  room: string;
  /** What is registered as the household's `unit`: the room, or `<entrance>-<room>`. */
  unit: string;
  /** 0: a vacant flat. */
  residents: number;
  /** `undefined`: the file has no contact columns, so the registered contact is kept; `null`: the cells are empty. */
  contact: Contact | null | undefined;
}

export interface VolunteerRow {
  line: number;
  name: string;
  /** `undefined`: the file has no phone column. */
  phone: string | null | undefined;
  /** `undefined`: the file has no skills column, so the registered skills are kept. */
  skills: string[] | undefined;
  /** The building they live in (所住楼号); `undefined`: no such column. */
  building: string | null | undefined;
}

export type Counts = { buildings: number; households: number; volunteers: number };

/** A field a row changes: what is registered now, and what the file says (null: none). */
export interface FieldDiff {
  field: string;
  from: string | number | string[] | null;
  to: string | number | string[] | null;
}

/** One row that changes a registered household or volunteer, and the fields that differ (with their old and new values). */
export interface Change {
  line: number;
  id: string;
  fields: string[];
  diffs: FieldDiff[];
}

/** The answer to an import or a preview (contract section 5), with what the file was read as. */
export interface ImportSummary {
  new: Counts;
  changed: Counts;
  unchanged: Counts;
  errors: RowError[];
  /** Extension: the rows that change something, with the fields that differ (at most MAX_CHANGES listed). */
  changes: Change[];
  /** Extension: how the file was read (`null` when it could not be); `rows` counts the data rows. */
  file: { format: "csv" | "xlsx"; encoding: string | null; rows: number } | null;
  /** Extension: the community holds the demo compound, so an import into it is refused (its counts would mix). */
  demo: boolean;
  /** v1.2 extension: how the file was read: its sheet, its header row and each column (`null` when it could not be). */
  read: { sheet: Table["sheet"]; header: { line: number; cells: string[] }; columns: ColumnRead[]; mapping: Mapping } | null;
  /** v1.2 extension: rows left out on purpose (合计, 小计, total), with their lines. */
  skipped: SkippedRow[];
}

export const MAX_CHANGES = 200;
export const zeroCounts = (): Counts => ({ buildings: 0, households: 0, volunteers: 0 });

/** The media type of the streamed answer: one JSON object a line, progress first, the answer last. */
export const PROGRESS_TYPE = "application/x-ndjson";

/**
 * A line of the streamed answer (`Accept: application/x-ndjson`): progress while the rows are recorded, then the
 * status and body the plain answer would have had.
 */
export type ImportStreamLine =
  | { progress: { done: number; total: number } }
  | { status: number; body: ImportSummary | { error: { code: string; message: string; summary?: ImportSummary } } };
