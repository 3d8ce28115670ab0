// Why: the secretary undoes a mistaken tap, result or check-in from the history, on the very row that recorded it.
import type { FeedEvent } from "../../server/protocol/events";

/** The undo a history row offers: the event it posts. */
export type Undo =
  | { type: "household.test_undone"; payload: { roundId: string; householdId: string } }
  | { type: "test.result_undone"; payload: { roundId: string; householdId: string } }
  | { type: "volunteer.checkin_undone"; payload: { volunteerId: string } };

type P = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * Which rows of a history can still be undone, by the row's `seq`: the last tap and the last result of each
 * household in the open round that nothing has undone since (undoing the tap takes its result with it), and
 * the last check-in of a volunteer who is still on duty. Pure: the server still judges the undo itself.
 */
export function undoable(
  events: readonly FeedEvent[],
  openRound: string | null,
  onDuty: (volunteerId: string) => boolean,
): Map<number, Undo> {
  const tap = new Map<string, { seq: number; householdId: string }>();
  const result = new Map<string, { seq: number; householdId: string }>();
  const checkin = new Map<string, number>();
  for (const e of events) {
    const p = e.payload as P;
    const roundId = str(p.roundId);
    const householdId = str(p.householdId);
    const k = `${roundId}\u0000${householdId}`;
    switch (e.type) {
      case "household.tested":
        // A second tap on a tested household changes nothing: the first one is what an undo takes back.
        if (!tap.has(k)) tap.set(k, { seq: e.seq, householdId });
        break;
      case "household.test_undone":
        tap.delete(k);
        result.delete(k);
        break;
      case "test.result":
        if (tap.has(k)) result.set(k, { seq: e.seq, householdId });
        break;
      case "test.result_undone":
        result.delete(k);
        break;
      case "volunteer.checked_in":
        checkin.set(str(p.volunteerId), e.seq);
        break;
      case "volunteer.checked_out":
      case "volunteer.checkin_undone":
      case "volunteer.retired":
      case "volunteer.merged":
        checkin.delete(str(p.volunteerId));
        break;
    }
  }
  const out = new Map<number, Undo>();
  if (openRound) {
    const prefix = `${openRound}\u0000`;
    for (const [k, t] of tap)
      if (k.startsWith(prefix))
        out.set(t.seq, { type: "household.test_undone", payload: { roundId: openRound, householdId: t.householdId } });
    for (const [k, r] of result)
      if (k.startsWith(prefix)) out.set(r.seq, { type: "test.result_undone", payload: { roundId: openRound, householdId: r.householdId } });
  }
  for (const [volunteerId, seq] of checkin)
    if (onDuty(volunteerId)) out.set(seq, { type: "volunteer.checkin_undone", payload: { volunteerId } });
  return out;
}
