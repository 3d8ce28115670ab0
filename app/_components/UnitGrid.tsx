"use client";
// Why: choosing a unit is a tap on a grid, never an id typed in; shared by the door-knocking list and the household picker.
import type { ReactNode } from "react";

export type Unit = { householdId: string; unit: string };

/**
 * Units as a grid of buttons a thumb can hit (the door-knocking list, the household picker):
 * one tap picks one. `busy` greys the unit whose tap is on its way. `below` puts something small under a unit's
 * button (the desk's history link), apart from it so the tap still lands on the button.
 */
export function UnitGrid({
  units,
  onPick,
  busy,
  big = false,
  label,
  below,
  tapped,
}: {
  units: readonly Unit[];
  onPick: (u: Unit) => void;
  busy?: string | null;
  big?: boolean;
  label: string;
  below?: (u: Unit) => ReactNode;
  /** Units just tapped: drawn in place, marked, with what `tapped.render` gives (an undo), so the grid never moves under a finger. */
  tapped?: { has: (householdId: string) => boolean; render: (u: Unit) => ReactNode };
}) {
  return (
    <ul aria-label={label} className={`grid gap-2 ${big ? "grid-cols-3 sm:grid-cols-4" : "grid-cols-4 sm:grid-cols-6 lg:grid-cols-8"}`}>
      {units.map((u) => (
        <li key={u.householdId} className={below ? "flex flex-col gap-1" : undefined}>
          {tapped?.has(u.householdId) ? (
            tapped.render(u)
          ) : (
            <button
              type="button"
              data-household={u.householdId}
              disabled={busy === u.householdId}
              onClick={() => onPick(u)}
              className={`flex w-full items-center justify-center rounded-lg bg-slate-800 font-semibold tabular-nums ring-1 ring-slate-600 active:bg-emerald-700 disabled:opacity-40 ${
                big ? "min-h-16 text-2xl" : "min-h-11 text-lg"
              }`}
            >
              {u.unit}
            </button>
          )}
          {below?.(u)}
        </li>
      ))}
    </ul>
  );
}
