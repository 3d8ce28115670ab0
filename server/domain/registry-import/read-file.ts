// Why: one entry from a file's bytes to a plan, so the route, the CLI's server and the tests read files the same way.
import { type Plan, planHouseholds, planVolunteers, type Registry } from "./plan";
import { householdRows, volunteerRows } from "./rows";
import { readTable } from "./table";
import { type HouseholdRow, type ImportKind, type ImportSummary, type RowError, type Table, type VolunteerRow, zeroCounts } from "./types";

export type ParsedFile =
  | { kind: "households"; table: Table; parsed: { rows: HouseholdRow[]; errors: RowError[] } }
  | { kind: "volunteers"; table: Table; parsed: { rows: VolunteerRow[]; errors: RowError[] } };

/** Reads a CSV or .xlsx registry of `kind`; throws ImportFileError when the file or its header cannot be read. */
export async function readRegistryFile(bytes: Uint8Array, kind: ImportKind): Promise<ParsedFile> {
  const table = await readTable(bytes, kind);
  return kind === "households" ? { kind, table, parsed: householdRows(table) } : { kind, table, parsed: volunteerRows(table) };
}

/** The events and summary that would bring `registry` in line with the file. */
export function planImport(community: string, file: ParsedFile, registry: Registry): Plan {
  return file.kind === "households"
    ? planHouseholds(community, file.table, file.parsed, registry)
    : planVolunteers(community, file.table, file.parsed, registry);
}

/** The summary of a file that could not be read at all: nothing counted, one error. */
export function unreadableSummary(error: RowError): ImportSummary {
  return { new: zeroCounts(), changed: zeroCounts(), unchanged: zeroCounts(), errors: [error], changes: [], file: null, demo: false };
}
