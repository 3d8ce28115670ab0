import type { Role } from "../../drizzle/schema/constants";
import type { EventType } from "../protocol/events";

/** What a volunteer may post (contract section 2); the secretary may post everything, a display nothing. */
const VOLUNTEER_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  "household.tested",
  "test.result",
  "volunteer.checked_in",
  "volunteer.checked_out",
  "request.opened",
  "request.document_added",
  "household.test_undone",
  "test.result_undone",
  "volunteer.checkin_undone",
]);

export function mayPost(role: Role, type: EventType): boolean {
  if (role === "secretary") return true;
  if (role === "volunteer") return VOLUNTEER_TYPES.has(type);
  return false;
}
