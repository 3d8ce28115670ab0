// Why: one entry from a file's bytes to a plan, so the route, the CLI's server and the tests read files the same way.
import { ImportFileError, namesAddress, normaliseMapping } from "./columns";
import { interpret } from "./header";
import { type ParsedRows, type Plan, planHouseholds, planVolunteers, type Registry } from "./plan";
import { householdRows, volunteerRows } from "./rows";
import { readGrid } from "./table";
import type { HouseholdRow, ImportKind, ImportSummary, Mapping, RowError, Table, VolunteerRow } from "./types";
import { zeroCounts } from "./types";

export type ParsedFile =
  | { kind: "households"; table: Table; parsed: ParsedRows<HouseholdRow> }
  | { kind: "volunteers"; table: Table; parsed: ParsedRows<VolunteerRow> };

/** How to read a file: the sheet the secretary picked (name or 1-based index), and their column mapping. */
export type ReadOptions = { sheet?: string; mapping?: Mapping };

/** Reads a CSV or .xlsx registry of `kind`; throws ImportFileError when the file or its header cannot be read. */
export async function readRegistryFile(bytes: Uint8Array, kind: ImportKind, opts: ReadOptions = {}): Promise<ParsedFile> {
  const mapping = normaliseMapping(kind, opts.mapping ?? {});
  const grid = await readGrid(bytes, (cells) => namesAddress(kind, cells, mapping));
  const table = interpret(grid, kind, { ...opts, mapping });
  try {
    return kind === "households"
      ? { kind, table, parsed: { ...householdRows(table, mapping), mapping } }
      : { kind, table, parsed: { ...volunteerRows(table, mapping), mapping } };
  } catch (err) {
    if (err instanceof ImportFileError) err.read = { sheet: table.sheet, header: table.header, columns: table.columns, mapping };
    throw err;
  }
}

/** The events and summary that would bring `registry` in line with the file. */
export function planImport(community: string, file: ParsedFile, registry: Registry): Plan {
  return file.kind === "households"
    ? planHouseholds(community, file.table, file.parsed, registry)
    : planVolunteers(community, file.table, file.parsed, registry);
}

/** The summary of a file that could not be read at all: nothing counted, one error. */
export function unreadableSummary(error: RowError, read: ImportSummary["read"] = null): ImportSummary {
  return {
    new: zeroCounts(),
    changed: zeroCounts(),
    unchanged: zeroCounts(),
    errors: [error],
    changes: [],
    file: null,
    demo: false,
    read,
    skipped: [],
  };
}
