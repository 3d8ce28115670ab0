// Why: the diff between a file's rows and the registry as it stands: what is new, what changed, and the events that say so.
import { type EventType, PAYLOADS } from "../../protocol/events";
import { zodIssues } from "../../zod-issues";
import { buildingId, householdId, normalise, phoneKey, registrationEventId, volunteerId } from "./ids";
import { rowError } from "./rows";
import {
  type Change,
  type Counts,
  type FieldDiff,
  type HouseholdRow,
  type ImportSummary,
  MAX_CHANGES,
  type Mapping,
  type RowError,
  type SkippedRow,
  type Table,
  type VolunteerRow,
  zeroCounts,
} from "./types";

/** The registry of one community as the diff needs it, keyed by id. */
export interface Registry {
  buildings: Map<string, { label: string }>;
  households: Map<
    string,
    {
      buildingId: string;
      unit: string;
      residents: number;
      contactName: string | null;
      contactPhone: string | null;
      contactOtherPhones?: string[] | null;
    }
  >;
  volunteers: Map<string, { name: string; phone: string | null; skills: string[]; building?: string | null }>;
}

/** A file's rows as read: the good ones, the bad ones, the totals left out, and the column mapping used. */
export type ParsedRows<R> = { rows: R[]; errors: RowError[]; skipped: SkippedRow[]; mapping: Mapping };

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

  summary<R>(table: Table, parsed: ParsedRows<R>): ImportSummary {
    const errors = [...parsed.errors, ...this.errors].sort((a, b) => a.line - b.line);
    return {
      ...this.counts,
      errors,
      changes: this.changes,
      file: { format: table.format, encoding: table.encoding, rows: table.rows.length },
      demo: false,
      read: { sheet: table.sheet, header: table.header, columns: table.columns, mapping: parsed.mapping },
      skipped: parsed.skipped,
    };
  }
}

type Shown = { name: string | null; phone: string | null; otherPhones: string[] | null };
const shownContact = (c: Contact | null | undefined): Shown => ({
  name: c?.name ?? null,
  phone: c?.phone ?? null,
  otherPhones: c?.otherPhones ?? null,
});

/** Plans a households file: new buildings, new households, and `household.updated` for another unit text, residents or contact. */
export function planHouseholds(community: string, table: Table, parsed: ParsedRows<HouseholdRow>, reg: Registry): Plan {
  const b = new Builder(community);
  const seen = new Map<string, number>();
  const buildings = new Set<string>();
  for (const row of parsed.rows) {
    const hid = householdId(row.building, row.room, row.entrance);
    if (b.duplicate(seen, hid, row.line, "household", `${row.building} ${row.unit}`)) continue;
    const bid = buildingId(row.building);
    if (!buildings.has(bid)) {
      buildings.add(bid);
      if (reg.buildings.has(bid)) b.count("unchanged", "buildings", row.line, bid);
      else if (b.emit(row.line, "building.registered", { buildingId: bid, label: row.building }, bid))
        b.count("new", "buildings", row.line, bid);
    }
    const cur = reg.households.get(hid);
    const payload = (contact: Contact | null | undefined) => ({
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
    const had: Contact | null =
      cur.contactName || cur.contactPhone
        ? {
            ...(cur.contactName ? { name: cur.contactName } : {}),
            ...(cur.contactPhone ? { phone: cur.contactPhone } : {}),
            ...(cur.contactOtherPhones?.length ? { otherPhones: cur.contactOtherPhones } : {}),
          }
        : null;
    const contact = row.contact === undefined ? had : row.contact;
    const [from, to] = [shownContact(had), shownContact(contact)];
    const diffs = differences([
      ["unit", cur.unit, row.unit],
      ["residents", cur.residents, row.residents],
      ["name", from.name, to.name],
      ["phone", from.phone, to.phone],
      ["otherPhones", from.otherPhones, to.otherPhones],
    ]);
    if (diffs.length === 0) b.count("unchanged", "households", row.line, hid);
    else if (b.emit(row.line, "household.updated", payload(contact))) b.count("changed", "households", row.line, hid, diffs);
  }
  return { events: b.events, lines: b.lines, summary: b.summary(table, parsed) };
}

const sameSkills = (a: string[], b: string[]) => a.length === b.length && a.every((s) => b.includes(s));
type Contact = NonNullable<HouseholdRow["contact"]>;

type Value = FieldDiff["from"];
const same = (a: Value, b: Value) => (Array.isArray(a) && Array.isArray(b) ? sameSkills(a, b) : a === b);

/** The fields whose registered value and the file's differ, each with both values. */
const differences = (pairs: [string, Value, Value][]): FieldDiff[] =>
  pairs.filter(([, from, to]) => !same(from, to)).map(([field, from, to]) => ({ field, from, to }));

const nameKey = (name: string, building: string | null | undefined) => `${normalise(name)}\u0000${normalise(building ?? "")}`;

/**
 * Who in the registry a row is (v1.2): the volunteer with the same phone, else the one with the same name and building
 * (the name alone when the list has no building column) unless both have phones that differ, so a re-import, or a
 * list with a corrected header, updates rather than adds.
 */
function matcher(reg: Registry) {
  const byPhone = new Map<string, string>();
  const byName = new Map<string, string>();
  const byNameOnly = new Map<string, string>();
  for (const [id, v] of reg.volunteers) {
    const key = phoneKey(v.phone);
    if (key && !byPhone.has(key)) byPhone.set(key, id);
    const nk = nameKey(v.name, v.building);
    if (!byName.has(nk)) byName.set(nk, id);
    if (!byNameOnly.has(normalise(v.name))) byNameOnly.set(normalise(v.name), id);
  }
  // Two phones that differ are two people, whatever their names.
  const phoneAgrees = (id: string | undefined, key: string) => {
    const other = id ? phoneKey(reg.volunteers.get(id)?.phone) : "";
    return id !== undefined && (!key || !other || other === key);
  };
  return (row: VolunteerRow): string | undefined => {
    const key = phoneKey(row.phone);
    const byTel = key ? byPhone.get(key) : undefined;
    if (byTel) return byTel;
    const named = byName.get(nameKey(row.name, row.building));
    if (phoneAgrees(named, key)) return named;
    // A list without a building column is matched by the name alone.
    const only = row.building === undefined ? byNameOnly.get(normalise(row.name)) : undefined;
    return phoneAgrees(only, key) ? only : undefined;
  };
}

/** Plans a volunteers file: new volunteers, and `volunteer.updated` for another spelling of the name or phone, other skills or building. */
export function planVolunteers(community: string, table: Table, parsed: ParsedRows<VolunteerRow>, reg: Registry): Plan {
  const b = new Builder(community);
  const seen = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  const match = matcher(reg);
  for (const row of parsed.rows) {
    const vid = match(row) ?? volunteerId(row.name, row.phone);
    const label = `${row.name}${row.phone ? ` ${phoneKey(row.phone)}` : ""}`;
    if (b.duplicate(seen, vid, row.line, "volunteer", label)) continue;
    const key = phoneKey(row.phone);
    if (key && b.duplicate(seenPhones, key, row.line, "volunteer", label)) continue;
    const cur = reg.volunteers.get(vid);
    if (!cur) {
      const payload = {
        volunteerId: vid,
        name: row.name,
        ...(row.phone ? { phone: row.phone } : {}),
        skills: row.skills ?? [],
        ...(row.building ? { building: row.building } : {}),
      };
      if (b.emit(row.line, "volunteer.registered", payload, vid)) b.count("new", "volunteers", row.line, vid);
      continue;
    }
    const phone = row.phone === undefined ? cur.phone : row.phone;
    const skills = row.skills ?? cur.skills;
    const building = row.building === undefined ? (cur.building ?? null) : row.building;
    const diffs = differences([
      ["name", cur.name, row.name],
      ["phone", cur.phone ?? null, phone ?? null],
      ["skills", cur.skills, skills],
      ["building", cur.building ?? null, building ?? null],
    ]);
    const payload = { volunteerId: vid, name: row.name, ...(phone ? { phone } : {}), skills, ...(building ? { building } : {}) };
    if (diffs.length === 0) b.count("unchanged", "volunteers", row.line, vid);
    else if (b.emit(row.line, "volunteer.updated", payload)) b.count("changed", "volunteers", row.line, vid, diffs);
  }
  return { events: b.events, lines: b.lines, summary: b.summary(table, parsed) };
}
