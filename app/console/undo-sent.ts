// Why: a volunteer undoes their own tap, result or check-in from the phone's list of what it sent, within the minutes the server allows. Pure.
import type { OutboxEntry, OutboxEvent } from "../_live/outbox-core";

/** How long after the record a volunteer may undo it themselves (the server's rule: 10 minutes by the event's own time). */
export const UNDO_WINDOW_MS = 10 * 60_000;

type Undo = { type: string; payload: Record<string, unknown> };

/** The undo of one recorded action, or null for an action that has none. */
export function undoEvent(e: OutboxEvent): Undo | null {
  const p = e.payload;
  if (e.type === "household.tested") return { type: "household.test_undone", payload: { roundId: p.roundId, householdId: p.householdId } };
  if (e.type === "test.result") return { type: "test.result_undone", payload: { roundId: p.roundId, householdId: p.householdId } };
  if (e.type === "volunteer.checked_in") return { type: "volunteer.checkin_undone", payload: { volunteerId: p.volunteerId } };
  return null;
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => a[k] === b[k]);

/**
 * What a sent entry offers: `undo` (the event to send) while it is within the window and nothing later on this
 * phone undid it, `undone` once a later entry (sent or on its way) did, else nothing.
 */
export function undoState(entry: OutboxEntry, entries: readonly OutboxEntry[], now: number): { undo: Undo } | "undone" | null {
  if (entry.state !== "sent") return null;
  const undo = undoEvent(entry.event);
  if (!undo) return null;
  const later = entries.some(
    (x) => x.order > entry.order && x.state !== "refused" && x.event.type === undo.type && same(undo.payload, x.event.payload),
  );
  if (later) return "undone";
  return now - Date.parse(entry.event.occurredAt) < UNDO_WINDOW_MS ? { undo } : null;
}
