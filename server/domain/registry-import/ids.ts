// Why: ids derived from the rows themselves, so the same row always names the same building, household or volunteer.
import { createHash } from "node:crypto";

/** How two cells are compared as keys: full-width forms folded, spaces collapsed, case ignored. */
export const normalise = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/** The ASCII letters and digits of a cell, for a readable part of an id ("1号楼" → "1", "Block A" → "block-a"). */
const slug = (s: string, max: number) =>
  normalise(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");

const hash = (n: number, ...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, n);
const join = (...parts: string[]) => parts.filter(Boolean).join("-");

/** A phone as a key: its digits, without China's +86 before an 11-digit mobile number. */
export const phoneKey = (phone: string | null | undefined) => {
  const digits = (phone ?? "").replace(/\D/g, "");
  return /^861\d{10}$/.test(digits) ? digits.slice(2) : digits;
};

/** `b-<label's ASCII>-<12 hex of sha256(label)>`: 1号楼 → b-1-…, Block A → b-block-a-…. */
export const buildingId = (label: string) => join("b", slug(label, 20), hash(12, "building", normalise(label)));

/**
 * `h-<building's ASCII>-<unit's ASCII>-<12 hex of sha256(building, unit)>`: 1号楼 101 → h-1-101-…. With an entrance
 * (单元, v1.2) it is part of the identity: `h-<building>-<entrance>-<room>-<12 hex of sha256(building, entrance, room)>`;
 * without one the id is what it always was.
 */
export const householdId = (building: string, unit: string, entrance = "") =>
  normalise(entrance)
    ? join(
        "h",
        slug(building, 12),
        slug(entrance, 8),
        slug(unit, 12),
        hash(12, "household-entrance", normalise(building), normalise(entrance), normalise(unit)),
      )
    : join("h", slug(building, 16), slug(unit, 16), hash(12, "household", normalise(building), normalise(unit)));

/** `v-<12 hex of sha256(name, phone digits)>`: no readable part, so a volunteer's name never shows in an id on the wall. */
export const volunteerId = (name: string, phone: string | null | undefined) =>
  `v-${hash(12, "volunteer", normalise(name), phoneKey(phone))}`;

/**
 * The event id of an imported registration: `imp-<20 hex of sha256(community, type, entity id)>`. An entity is
 * registered once, so importing the same file twice at once records it once (the second is a duplicate).
 */
export const registrationEventId = (community: string, type: string, entityId: string) => `imp-${hash(20, community, type, entityId)}`;
