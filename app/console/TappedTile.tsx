"use client";
// Why: a door just tapped keeps its place and size, marked, with one button to undo the tap.
import type { Unit } from "../_components/UnitGrid";
import type { Lang } from "../_i18n/dict";
import { DOORS } from "../_i18n/doors";

/** The tapped unit in its tile's place: the same height as a unit button, so nothing below it moves. */
export function TappedTile({ unit, lang, busy, onUndo }: { unit: Unit; lang: Lang; busy: boolean; onUndo: () => void }) {
  const d = DOORS[lang];
  return (
    <div
      data-tapped={unit.householdId}
      className="flex h-16 w-full flex-col items-stretch overflow-hidden rounded-lg bg-emerald-900 ring-2 ring-emerald-400"
    >
      <span className="text-center text-sm font-semibold tabular-nums leading-5 text-emerald-100">
        {d.tappedMark} {unit.unit}
      </span>
      <button
        type="button"
        data-undo={unit.householdId}
        aria-label={d.undoTitle(unit.unit)}
        disabled={busy}
        onClick={onUndo}
        className="flex-1 bg-slate-100 text-base font-semibold text-slate-900 active:bg-white disabled:opacity-60"
      >
        {d.undo}
      </button>
    </div>
  );
}
