"use client";
// Why: the building is the first tap on a volunteer's phone; big buttons in the order people read them.

/** Buildings as big buttons: the first tap of the door-knocking list and of the household picker. */
export function BuildingPicker({
  buildings,
  onPick,
  label,
}: {
  buildings: readonly { buildingId: string; label: string }[];
  onPick: (buildingId: string) => void;
  label: string;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-3 gap-2">
      {buildings.map((b) => (
        <li key={b.buildingId}>
          <button
            type="button"
            data-pick-building={b.buildingId}
            onClick={() => onPick(b.buildingId)}
            className="min-h-14 w-full rounded-lg bg-slate-800 px-2 text-lg font-semibold ring-1 ring-slate-600 active:bg-sky-700"
          >
            {b.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
