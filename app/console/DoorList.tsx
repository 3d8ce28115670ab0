"use client";
// Why: a volunteer's phone shows the doors left in their building as big buttons; one tap records a test.
import { useState } from "react";
import { UnitGrid } from "../_components/UnitGrid";
import type { Lang } from "../_i18n/dict";
import { DOORS } from "../_i18n/doors";
import { useLive } from "../_live/use-live";
import { useUntested } from "../_live/use-untested";
import { BuildingPicker } from "./BuildingPicker";
import { sendByLang } from "./make-action";
import { TappedTile } from "./TappedTile";
import { useHeldTaps } from "./use-held-taps";
import { setMyBuilding, useMyBuilding } from "./use-my-building";
import { useRegistry } from "./use-registry";

/**
 * The door-knocking list on a volunteer's phone: their building (chosen once, remembered), its
 * units not yet tested as big buttons; one tap records the household tested and it leaves the list.
 */
export function DoorList({ lang }: { lang: Lang }) {
  const live = useLive();
  const counts = live.snapshot?.counts;
  const registry = useRegistry(counts && `${counts.householdsTotal}/${counts.buildingsTotal}`);
  const mine = useMyBuilding();
  const building = registry?.buildings.find((b) => b.buildingId === mine) ?? null;
  const { list, mark, unmark } = useUntested(live.snapshot?.seq, building ? building.buildingId : null, sendByLang[lang]);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const d = DOORS[lang];
  const units = list?.buildings.find((b) => b.buildingId === building?.buildingId)?.households ?? [];
  const held = useHeldTaps(units);
  return (
    <section
      data-doors="console"
      data-doors-building={building?.buildingId}
      className="flex flex-col gap-3 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800"
    >
      <h2 className="text-lg font-semibold">{d.consoleTitle}</h2>
      {!registry && <p className="text-slate-400">{d.loading}</p>}
      {registry && !building && (
        <>
          <p className="text-slate-300">{d.chooseBuilding}</p>
          <BuildingPicker label={d.chooseBuilding} buildings={registry.buildings} onPick={(id) => setMyBuilding(id)} />
        </>
      )}
      {building && (
        <>
          <div className="flex items-center gap-3">
            <span className="text-2xl font-bold">{building.label}</span>
            {list?.round && (
              <span data-doors-left={units.length} className="tabular-nums text-slate-300">
                {d.left(new Intl.NumberFormat(lang).format(units.length))}
              </span>
            )}
            <button
              type="button"
              onClick={() => {
                setStatus(null);
                setMyBuilding(null);
              }}
              className="ml-auto min-h-11 rounded px-3 text-sm ring-1 ring-slate-600"
            >
              {d.changeBuilding}
            </button>
          </div>
          {!list && <p className="text-slate-400">{d.loading}</p>}
          {list && !list.round && <p className="text-slate-400">{d.noRound}</p>}
          {list?.round && units.length === 0 && <p className="text-emerald-300">{d.buildingDone}</p>}
          {list?.round && units.length > 0 && <p className="text-sm text-slate-400">{d.tapHint}</p>}
          <UnitGrid
            big
            label={building.label}
            units={held.shown}
            busy={busy}
            onPick={async (u) => {
              setBusy(u.householdId);
              const r = await mark(u.householdId);
              setBusy(null);
              if (r.ok) held.tapped(u);
              setStatus(r.ok ? { ok: true, text: d.marked(building.label, u.unit) } : { ok: false, text: r.message });
            }}
            tapped={{
              has: held.isTapped,
              render: (u) => (
                <TappedTile
                  unit={u}
                  lang={lang}
                  busy={busy === u.householdId}
                  onUndo={async () => {
                    setBusy(u.householdId);
                    const r = await unmark(u.householdId);
                    setBusy(null);
                    if (r.ok) held.restored(u);
                    setStatus(r.ok ? { ok: true, text: d.undone(building.label, u.unit) } : { ok: false, text: r.message });
                  }}
                />
              ),
            }}
          />
        </>
      )}
      {status && (
        <p role="status" data-status={status.ok ? "ok" : "error"} className={status.ok ? "text-emerald-300" : "text-red-300"}>
          {status.text}
        </p>
      )}
    </section>
  );
}
