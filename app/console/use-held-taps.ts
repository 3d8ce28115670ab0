"use client";
// Why: a tapped door stays where it was for a few seconds, marked, with its undo, so the grid never moves under a finger.
import { useCallback, useEffect, useRef, useState } from "react";
import { naturalCompare } from "../../server/domain/natural-order";
import type { Unit } from "../_components/UnitGrid";

/** How long a tapped tile stays in place with its undo button. */
export const HOLD_MS = 8000;

type Held = { unit: Unit; state: "tapped" | "restored" };

/**
 * Units as the grid shows them: the list's, plus those just tapped (held in place, marked) and those just
 * undone (shown again at once, before the list read back has them). Ordered as the server orders the list.
 */
export function useHeldTaps(units: readonly Unit[]) {
  const [held, setHeld] = useState<ReadonlyMap<string, Held>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const drop = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setHeld((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }, []);
  const hold = useCallback(
    (unit: Unit, state: Held["state"]) => {
      clearTimeout(timers.current.get(unit.householdId));
      timers.current.set(
        unit.householdId,
        setTimeout(() => drop(unit.householdId), state === "tapped" ? HOLD_MS : 2 * HOLD_MS),
      );
      setHeld((m) => new Map(m).set(unit.householdId, { unit, state }));
    },
    [drop],
  );
  // An undone unit is let go once the list read back holds it again.
  useEffect(() => {
    for (const [id, h] of held) if (h.state === "restored" && units.some((u) => u.householdId === id)) drop(id);
  }, [units, held, drop]);
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const t of all.values()) clearTimeout(t);
    };
  }, []);
  const shown = [...units];
  for (const [id, h] of held) if (!units.some((u) => u.householdId === id)) shown.push(h.unit);
  shown.sort((x, y) => naturalCompare(x.unit, y.unit) || naturalCompare(x.householdId, y.householdId));
  const isTapped = (id: string) => held.get(id)?.state === "tapped";
  return { shown, isTapped, tapped: (u: Unit) => hold(u, "tapped"), restored: (u: Unit) => hold(u, "restored"), drop };
}
