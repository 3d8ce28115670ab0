import type { EventType } from "../protocol/events";
import type { Role } from "../protocol/vocabularies";

/** What a volunteer may post (contract section 2); the secretary may post everything, a display nothing. */
const VOLUNTEER_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  "household.tested",
  "test.result",
  "volunteer.checked_in",
  "volunteer.checked_out",
  "request.opened",
  "request.document_added",
  "gate.out",
  "gate.in",
  "household.test_undone",
  "test.result_undone",
  "volunteer.checkin_undone",
]);

/** What a household's own token may post (contract section 7), for its own household and requests only. */
const RESIDENT_TYPES: ReadonlySet<EventType> = new Set<EventType>(["request.opened", "request.document_added", "request.cancelled"]);

/** At most this many of a household's requests wait for a decision when a resident opens one (contract section 7). */
export const RESIDENT_MAX_PENDING = 3;

export function mayPost(role: Role, type: EventType): boolean {
  if (role === "secretary") return true;
  if (role === "volunteer") return VOLUNTEER_TYPES.has(type);
  if (role === "resident") return RESIDENT_TYPES.has(type);
  return false;
}
