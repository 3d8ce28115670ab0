// Why: a pass's trips read back from the feed's gate events: out and back, paired in order, overdue or not.
import { isOverdue, returnByOf } from "./passes";

export interface GateEvent {
  type: string;
  occurredAt: Date;
}

export interface Trip {
  outAt: string;
  inAt: string | null;
  returnBy: string | null;
  overdue: boolean;
}

/** Pairs each `gate.out` with the `gate.in` after it; a trip is overdue when it came back (or is still out) after its return time. */
export function tripsOf(gate: GateEvent[], tripHours: number | null, now: Date): Trip[] {
  const trips: Trip[] = [];
  let open: { outAt: Date; returnBy: Date | null } | null = null;
  const close = (inAt: Date | null) => {
    if (!open) return;
    const late = open.returnBy !== null && isOverdue(open.returnBy, inAt ?? now);
    trips.push({
      outAt: open.outAt.toISOString(),
      inAt: inAt?.toISOString() ?? null,
      returnBy: open.returnBy?.toISOString() ?? null,
      overdue: late,
    });
    open = null;
  };
  for (const e of gate) {
    if (e.type === "gate.out") {
      close(null);
      open = { outAt: e.occurredAt, returnBy: returnByOf(e.occurredAt, tripHours) };
    } else if (e.type === "gate.in") close(e.occurredAt);
  }
  close(null);
  return trips;
}
