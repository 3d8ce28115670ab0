"use client";
// Why: volunteers choose households by building and unit, never by typing an id they cannot know.
import { useEffect, useRef, useState } from "react";
import { UnitGrid } from "../_components/UnitGrid";
import type { Lang } from "../_i18n/dict";
import { DOORS } from "../_i18n/doors";
import { useLive } from "../_live/use-live";
import { BuildingPicker } from "./BuildingPicker";
import { FILL_EVENT } from "./fill-form";
import { useMyBuilding } from "./use-my-building";
import { useRegistry } from "./use-registry";

/**
 * Chooses a household in a few taps instead of typing its id: the building (starting at the
 * volunteer's own), then the unit from a grid. The id travels in a hidden field named `name`,
 * so the form around it reads it like any other; the form's reset clears the choice.
 */
export function HouseholdPicker({ name, label, lang }: { name: string; label: string; lang: Lang }) {
  const counts = useLive().snapshot?.counts;
  const registry = useRegistry(counts && `${counts.householdsTotal}/${counts.buildingsTotal}`);
  const mine = useMyBuilding();
  const [buildingId, setBuildingId] = useState<string | null | undefined>(undefined);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = field.current?.form;
    const clear = () => setHouseholdId(null);
    // "Fix" on a refused action re-opens the form with the household it named.
    const fill = (e: Event) => setHouseholdId((e as CustomEvent<Record<string, string>>).detail[name] || null);
    form?.addEventListener("reset", clear);
    form?.addEventListener(FILL_EVENT, fill);
    return () => {
      form?.removeEventListener("reset", clear);
      form?.removeEventListener(FILL_EVENT, fill);
    };
  }, [name]);
  const d = DOORS[lang];
  // Until the volunteer picks another here, the picker opens at their own building.
  const shownBuilding = buildingId === undefined ? mine : buildingId;
  const building = registry?.buildings.find((b) => b.buildingId === shownBuilding) ?? null;
  const chosen = registry?.households.find((h) => h.householdId === householdId) ?? null;
  const chosenBuilding = chosen && registry?.buildings.find((b) => b.buildingId === chosen.buildingId);
  return (
    <fieldset data-picker={name} data-picked={householdId ?? ""} className="flex flex-col gap-2 text-sm text-slate-300">
      <legend className="mb-1">{label}</legend>
      <input ref={field} type="hidden" name={name} value={householdId ?? ""} />
      {!registry && <p className="text-slate-400">{d.loading}</p>}
      {chosen ? (
        <div className="flex items-center gap-3 rounded bg-slate-800 px-3 py-2">
          <span className="text-xl font-semibold text-white">
            {chosenBuilding?.label ?? chosen.buildingId} · {chosen.unit}
          </span>
          {chosen.contact && <span className="text-slate-400">{chosen.contact.name}</span>}
          <button type="button" onClick={() => setHouseholdId(null)} className="ml-auto min-h-11 rounded px-3 ring-1 ring-slate-600">
            {d.change}
          </button>
        </div>
      ) : (
        registry &&
        (building ? (
          <>
            <div className="flex items-center gap-3">
              <span className="text-lg font-semibold text-white">{building.label}</span>
              <span>{d.chooseUnit}</span>
              <button type="button" onClick={() => setBuildingId(null)} className="ml-auto min-h-11 rounded px-3 ring-1 ring-slate-600">
                {d.changeBuilding}
              </button>
            </div>
            <UnitGrid
              label={building.label}
              units={registry.households.filter((h) => h.buildingId === building.buildingId)}
              onPick={(u) => setHouseholdId(u.householdId)}
            />
          </>
        ) : (
          <BuildingPicker label={d.chooseBuilding} buildings={registry.buildings} onPick={(id) => setBuildingId(id)} />
        ))
      )}
    </fieldset>
  );
}
