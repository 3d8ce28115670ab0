"use client";
// Door labels for a building: one sign-in QR per household, opening /home; making them again revokes the old ones.
import { useState } from "react";
import { PEOPLE } from "../_i18n/people";
import type { MintRequest } from "./links";
import type { Building, Household } from "./use-people";

type Dict = (typeof PEOPLE)["en"];

/** Rooms in the order a volunteer walks them: 101, 102, …, 1001 (numbers compared as numbers). */
const byRoom = (a: Household, b: Household) => a.unit.localeCompare(b.unit, "en", { numeric: true });

export function DoorLabels({
  buildings,
  households,
  p,
  busy,
  onMint,
}: {
  buildings: Building[];
  households: Household[];
  p: Dict;
  busy: boolean;
  onMint: (reqs: MintRequest[]) => void;
}) {
  const [picked, setPicked] = useState("");
  const d = p.doors;
  const building = buildings.find((b) => b.buildingId === picked) ?? buildings[0];
  const doors = building ? households.filter((h) => h.buildingId === building.buildingId).sort(byRoom) : [];
  return (
    <section data-door-labels className="flex flex-col gap-3 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{d.title}</h2>
      <p className="text-sm text-slate-400">{d.hint}</p>
      {!building ? (
        <p className="text-sm text-slate-400">{d.none}</p>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (doors.length === 0 || !window.confirm(d.confirm(building.label, doors.length))) return;
            onMint(
              doors.map((h) => ({
                role: "resident",
                householdId: h.householdId,
                label: `${building.label} · ${h.unit}`,
                detail: `${PEOPLE["zh-CN"].roles.resident} · ${PEOPLE.en.roles.resident}`,
              })),
            );
          }}
        >
          <label className="flex min-w-40 flex-col gap-1 text-sm text-slate-300">
            {d.building}
            <select
              name="building"
              value={building.buildingId}
              onChange={(e) => setPicked(e.target.value)}
              className="rounded bg-slate-800 px-2 py-2"
            >
              {buildings.map((b) => (
                <option key={b.buildingId} value={b.buildingId}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            disabled={busy || doors.length === 0}
            className="rounded bg-sky-400 px-3 py-2 font-semibold text-slate-950 disabled:opacity-40"
          >
            {d.make(doors.length)}
          </button>
        </form>
      )}
    </section>
  );
}
