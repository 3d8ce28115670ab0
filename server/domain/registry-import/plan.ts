// Why: the diff between a file's rows and the registry as it stands: what is new, what changed, and the events that say so.
import { type EventType, PAYLOADS } from "../../protocol/events";
import { zodIssues } from "../../zod-issues";
import { buildingId, householdId, phoneKey, registrationEventId, volunteerId } from "./ids";
import { rowError } from "./rows";
import {
  type Change,
  type Counts,
  type FieldDiff,
  type HouseholdRow,
  type ImportSummary,
  MAX_CHANGES,
  type RowError,
  type Table,
  type VolunteerRow,
  zeroCounts,
} from "./types";

/** The registry of one community as the diff needs it, keyed by id. */
export interface Registry {
  buildings: Map<string, { label: string }>;
  households: Map<string, { buildingId: string; unit: string; residents: number; contactName: string | null; contactPhone: string | null }>;
  volunteers: Map<string, { name: string; phone: string | null; skills: string[] }>;
}

export type PlannedEvent = { id?: string; type: EventType; community: string; payload: Record<string, unknown> };

export interface Plan {
  /** In order: buildings before the households in them. `lines[i]` is the row `events[i]` comes from. */
  events: PlannedEvent[];
  lines: number[];
  summary: ImportSummary;
}

class Builder {
  readonly events: PlannedEvent[] = [];
  readonly lines: number[] = [];
  readonly counts = { new: zeroCounts(), changed: zeroCounts(), unchanged: zeroCounts() };
  readonly changes: Change[] = [];
  readonly errors: RowError[] = [];
  constructor(readonly community: string) {}

  emit(line: number, type: EventType, payload: Record<string, unknown>, registers?: string): boolean {
    const r = PAYLOADS[type].safeParse(payload);
    if (!r.success) {
      const issues = zodIssues(r.error.issues);
      this.errors.push({ ...rowError(line, issues), message: issues.map((i) => `${i.path}: ${i.message}`).join("; ") });
      return false;
    }
    const id = registers ? registrationEventId(this.community, type, registers) : undefined;
    this.events.push({ ...(id ? { id } : {}), type, community: this.community, payload });
    this.lines.push(line);
    return true;
  }

  count(which: "new" | "changed" | "unchanged", what: keyof Counts, line: number, id: string, diffs: FieldDiff[] = []): void {
    this.counts[which][what] += 1;
    if (which === "changed" && this.changes.length < MAX_CHANGES) this.changes.push({ line, id, fields: diffs.map((d) => d.field), diffs });
  }

  /** Refuses a row naming the same entity as an earlier one. */
  duplicate(seen: Map<string, number>, id: string, line: number, entity: string, label: string): boolean {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, line);
      return false;
    }
    this.errors.push(rowError(line, [{ reason: "row_duplicate", params: { entity, label, first } }]));
    return true;
  }

  summary(table: Table, parseErrors: RowError[]): ImportSummary {
    const errors = [...parseErrors, ...this.errors].sort((a, b) => a.line - b.line);
    return {
      ...this.counts,
      errors,
      changes: this.changes,
      file: { format: table.format, encoding: table.encoding, rows: table.rows.length },
      demo: false,
    };
  }
}

/** Plans a households file: new buildings, new households, and `household.updated` for another unit text, residents or contact. */
export function planHouseholds(community: string, table: Table, parsed: { rows: HouseholdRow[]; errors: RowError[] }, reg: Registry): Plan {
  const b = new Builder(community);
  const seen = new Map<string, number>();
  const buildings = new Set<string>();
  for (const row of parsed.rows) {
    const hid = householdId(row.building, row.unit);
    if (b.duplicate(seen, hid, row.line, "household", `${row.building} ${row.unit}`)) continue;
    const bid = buildingId(row.building);
    if (!buildings.has(bid)) {
      buildings.add(bid);
      if (reg.buildings.has(bid)) b.count("unchanged", "buildings", row.line, bid);
      else if (b.emit(row.line, "building.registered", { buildingId: bid, label: row.building }, bid))
        b.count("new", "buildings", row.line, bid);
    }
    const cur = reg.households.get(hid);
    const payload = (contact: { name: string; phone: string } | null | undefined) => ({
      householdId: hid,
      buildingId: cur?.buildingId ?? bid,
      unit: row.unit,
      residents: row.residents,
      ...(contact ? { contact } : {}),
    });
    if (!cur) {
      if (b.emit(row.line, "household.registered", payload(row.contact), hid)) b.count("new", "households", row.line, hid);
      continue;
    }
    const had = cur.contactName && cur.contactPhone ? { name: cur.contactName, phone: cur.contactPhone } : null;
    const contact = row.contact === undefined ? had : row.contact;
    const diffs = differences([
      ["unit", cur.unit, row.unit],
      ["residents", cur.residents, row.residents],
      ["name", had?.name ?? null, contact?.name ?? null],
      ["phone", had?.phone ?? null, contact?.phone ?? null],
    ]);
    if (diffs.length === 0) b.count("unchanged", "households", row.line, hid);
    else if (b.emit(row.line, "household.updated", payload(contact))) b.count("changed", "households", row.line, hid, diffs);
  }
  return { events: b.events, lines: b.lines, summary: b.summary(table, parsed.errors) };
}

const sameSkills = (a: string[], b: string[]) => a.length === b.length && a.every((s) => b.includes(s));

type Value = FieldDiff["from"];
const same = (a: Value, b: Value) => (Array.isArray(a) && Array.isArray(b) ? sameSkills(a, b) : a === b);

/** The fields whose registered value and the file's differ, each with both values. */
const differences = (pairs: [string, Value, Value][]): FieldDiff[] =>
  pairs.filter(([, from, to]) => !same(from, to)).map(([field, from, to]) => ({ field, from, to }));

/** Plans a volunteers file: new volunteers, and `volunteer.updated` for another spelling of the name or phone, or other skills. */
export function planVolunteers(community: string, table: Table, parsed: { rows: VolunteerRow[]; errors: RowError[] }, reg: Registry): Plan {
  const b = new Builder(community);
  const seen = new Map<string, number>();
  for (const row of parsed.rows) {
    const vid = volunteerId(row.name, row.phone);
    if (b.duplicate(seen, vid, row.line, "volunteer", `${row.name}${row.phone ? ` ${phoneKey(row.phone)}` : ""}`)) continue;
    const cur = reg.volunteers.get(vid);
    if (!cur) {
      const payload = { volunteerId: vid, name: row.name, ...(row.phone ? { phone: row.phone } : {}), skills: row.skills ?? [] };
      if (b.emit(row.line, "volunteer.registered", payload, vid)) b.count("new", "volunteers", row.line, vid);
      continue;
    }
    const phone = row.phone === undefined ? cur.phone : row.phone;
    const skills = row.skills ?? cur.skills;
    const diffs = differences([
      ["name", cur.name, row.name],
      ["phone", cur.phone ?? null, phone ?? null],
      ["skills", cur.skills, skills],
    ]);
    if (diffs.length === 0) b.count("unchanged", "volunteers", row.line, vid);
    else if (b.emit(row.line, "volunteer.updated", { volunteerId: vid, name: row.name, ...(phone ? { phone } : {}), skills }))
      b.count("changed", "volunteers", row.line, vid, diffs);
  }
  return { events: b.events, lines: b.lines, summary: b.summary(table, parsed.errors) };
}
