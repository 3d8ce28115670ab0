"use client";
// Why: the desk shows the wall's building grid, and a picked building offers sealing or unsealing and its history.
import { useState } from "react";
import type { WallView } from "../../server/protocol/wall";
import { deskWords } from "../_i18n/desk";
import type { DICTS } from "../_i18n/dict";
import { historyWords } from "../_i18n/history";
import { postEvent } from "../_live/post-event";
import { BuildingGrid } from "./BuildingGrid";
import { BuildingHouseholds } from "./BuildingHouseholds";
import { ConfirmDialog } from "./ConfirmDialog";
import { ReasonField } from "./ReasonField";

type Building = WallView["buildings"][number];
type Dict = (typeof DICTS)["en"];

/** The grid of buildings (as on the wall), and for the one clicked: its state, Seal or Unseal, its households and its history. */
export function DeskBuildings({
  buildings,
  locale,
  t,
  seq,
  householdsTotal,
}: {
  buildings: WallView["buildings"] | undefined;
  locale: string;
  t: Dict;
  /** The feed's position and the households' total: the picked building's households follow them. */
  seq?: number;
  householdsTotal?: number;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const list = buildings ?? [];
  const b = picked ? list.find((x) => x.buildingId === picked) : undefined;
  // The wall's grid fills the area it is given: give it a height by its rows (as the grid counts them), tiles 4.5rem high.
  const n = Math.max(1, list.length);
  const rows = Math.ceil(n / Math.max(4, Math.ceil(Math.sqrt(n * 1.9))));
  return (
    <section className="mt-6 flex flex-col gap-2" data-desk-buildings={list.length}>
      <div
        style={{ height: `${3.5 + Math.min(rows, 8) * 4.5}rem` }}
        className="grid grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,1fr)] [&_[data-selectable]]:cursor-pointer [&_[data-selectable]:focus-visible]:outline-2 [&_[data-selectable]:focus-visible]:outline-sky-300"
      >
        <BuildingGrid buildings={list} title={t.wall.grid} sealedWord={t.wall.sealed} positiveWord={t.wall.positive} onSelect={setPicked} />
      </div>
      {b ? (
        <BuildingActions
          key={b.buildingId}
          b={b}
          locale={locale}
          seq={seq}
          householdsTotal={householdsTotal}
          onDone={() => setPicked(null)}
        />
      ) : (
        <p className="text-sm text-slate-400">{deskWords(locale).building.hint}</p>
      )}
    </section>
  );
}

/** The picked building: sealed or not, the one action that changes it (after a confirmation), its households and its history. */
function BuildingActions({
  b,
  locale,
  seq,
  householdsTotal,
  onDone,
}: {
  b: Building;
  locale: string;
  seq: number | undefined;
  householdsTotal: number | undefined;
  onDone: () => void;
}) {
  const w = deskWords(locale);
  const h = historyWords(locale);
  // The action is fixed when the dialog opens: the live grid may flip the building while it is shown.
  const [confirming, setConfirming] = useState<"seal" | "unseal" | null>(null);
  const [reason, setReason] = useState("");
  const [households, setHouseholds] = useState(false);
  const seal = async () => {
    const text = reason.trim();
    return postEvent({ type: "building.sealed", payload: { buildingId: b.buildingId, ...(text ? { reason: text } : {}) } });
  };
  const unseal = () => postEvent({ type: "building.unsealed", payload: { buildingId: b.buildingId } });
  return (
    <div
      data-building-actions={b.buildingId}
      className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 ring-1 ring-slate-700"
    >
      <span className="text-lg font-semibold">{b.label}</span>
      <span
        data-building-state={b.sealed ? "sealed" : "open"}
        className={`rounded px-2 text-sm ${b.sealed ? "bg-amber-900 text-amber-100" : "bg-slate-800 text-slate-300"}`}
      >
        {b.sealed ? w.building.sealed : w.building.open}
      </span>
      <button
        type="button"
        onClick={() => setConfirming(b.sealed ? "unseal" : "seal")}
        className={`rounded px-3 py-1 text-sm font-semibold ${b.sealed ? "bg-slate-100 text-slate-900" : "bg-amber-400 text-slate-950"}`}
      >
        {b.sealed ? w.building.unseal : w.building.seal}
      </button>
      <a
        href={`/history?entity=building&id=${encodeURIComponent(b.buildingId)}`}
        data-history-link={b.buildingId}
        title={h.linkTitle(b.label)}
        className="text-sm text-sky-300 underline"
      >
        {h.link}
      </a>
      <button
        type="button"
        data-show-households={b.buildingId}
        aria-expanded={households}
        onClick={() => setHouseholds((x) => !x)}
        className="rounded px-3 py-1 text-sm ring-1 ring-slate-500"
      >
        {households ? w.households.hide : w.households.show}
      </button>
      <button type="button" onClick={onDone} aria-label={w.close} className="ml-auto rounded px-2 text-slate-400 hover:text-slate-100">
        ×
      </button>
      {households && (
        <BuildingHouseholds
          buildingId={b.buildingId}
          label={b.label}
          seq={seq}
          householdsTotal={householdsTotal}
          lang={locale === "zh-CN" ? "zh-CN" : "en"}
        />
      )}
      {confirming && (
        <ConfirmDialog
          kind={confirming}
          locale={locale}
          title={confirming === "unseal" ? w.building.unsealTitle(b.label) : w.building.sealTitle(b.label)}
          body={confirming === "unseal" ? w.building.unsealBody(b.label) : w.building.sealBody(b.label)}
          confirmLabel={w.confirm}
          cancelLabel={w.cancel}
          workingLabel={w.working}
          onConfirm={confirming === "unseal" ? unseal : seal}
          onClose={() => {
            setConfirming(null);
            setReason("");
          }}
        >
          {confirming === "seal" && <ReasonField label={w.building.reason} name="seal-reason" value={reason} onChange={setReason} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
