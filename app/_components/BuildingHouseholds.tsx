"use client";
// Why: the secretary corrects a household where they look for it, in its building: undo a mistaken tap, or mark it vacant or moved out.
import { useEffect, useState } from "react";
import { naturalCompare } from "../../server/domain/natural-order";
import { deskWords } from "../_i18n/desk";
import type { Lang } from "../_i18n/dict";
import type { Names } from "../_i18n/history";
import { screenCommunity } from "../_live/community";
import { postEvent } from "../_live/post-event";
import { useUntested } from "../_live/use-untested";
import { UndoButton } from "../history/UndoButton";
import { ConfirmDialog } from "./ConfirmDialog";
import { ReasonField } from "./ReasonField";

type Household = { householdId: string; buildingId: string; unit: string; residents: number; status: "vacant" | "moved_out" | null };
type State = "untested" | "tested" | "vacant" | "moved_out" | "empty" | "lived";

/** The building's households from the registry (read when shown and again after each correction made here). */
function useHouseholds(buildingId: string, version: number, key: number | undefined) {
  const [list, setList] = useState<Household[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version and key are the triggers: a correction here, or a total that moved
  useEffect(() => {
    let live = true;
    fetch(`/api/registry?community=${encodeURIComponent(screenCommunity())}`, { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ households: Household[] }>) : null))
      .then((reg) => {
        if (!live || !reg) return;
        setList(
          reg.households
            .filter((h) => h.buildingId === buildingId)
            .sort((a, b) => naturalCompare(a.unit, b.unit) || naturalCompare(a.householdId, b.householdId)),
        );
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [buildingId, version, key]);
  return list;
}

const TONE: Record<State, string> = {
  untested: "bg-slate-800 ring-slate-600",
  tested: "bg-emerald-900 ring-emerald-500",
  vacant: "bg-slate-950 text-slate-300 ring-slate-700",
  moved_out: "bg-slate-950 text-slate-300 ring-slate-700",
  empty: "bg-slate-950 text-slate-300 ring-slate-700",
  lived: "bg-slate-800 ring-slate-600",
};

/**
 * A building's households on the desk, each with its state in the open round (tested or not) or as registered
 * (vacant, moved out, no residents). The one clicked offers: undo its tap in the open round, mark it vacant or moved
 * out, or lived in again, each after a confirmation, and its history. `seq` follows the feed; `householdsTotal`
 * reads the registry again when someone else registers, vacates or brings back a household.
 */
export function BuildingHouseholds({
  buildingId,
  label,
  seq,
  householdsTotal,
  lang,
}: {
  buildingId: string;
  label: string;
  seq: number | undefined;
  householdsTotal: number | undefined;
  lang: Lang;
}) {
  const w = deskWords(lang).households;
  const d = deskWords(lang);
  const [version, setVersion] = useState(0);
  const households = useHouseholds(buildingId, version, householdsTotal);
  const { list: untested } = useUntested(seq, buildingId);
  const [picked, setPicked] = useState<string | null>(null);
  const [dialog, setDialog] = useState<"vacate" | "reoccupy" | null>(null);
  const [kind, setKind] = useState<"vacant" | "moved_out">("vacant");
  const [reason, setReason] = useState("");
  const round = untested?.round?.roundId ?? null;
  const left = new Set(untested?.buildings.flatMap((b) => b.households.map((h) => h.householdId)));
  const stateOf = (h: Household): State =>
    h.status
      ? h.status
      : h.residents === 0
        ? "empty"
        : !untested
          ? "lived"
          : round
            ? left.has(h.householdId)
              ? "untested"
              : "tested"
            : "lived";
  const name = (h: Household) => `${label} ${h.unit}`;
  const h = households?.find((x) => x.householdId === picked);
  const names: Names = {
    building: () => label,
    household: (id) => {
      const x = households?.find((y) => y.householdId === id);
      return x ? name(x) : id;
    },
    volunteer: (id) => id,
    round: (id) => id,
  };
  const done = () => setVersion((v) => v + 1);
  const close = () => {
    setDialog(null);
    setReason("");
    setKind("vacant");
  };
  if (!households) return <p className="text-sm text-slate-400">{w.loading}</p>;
  if (households.length === 0) return <p className="text-sm text-slate-400">{w.none}</p>;
  const state = h ? stateOf(h) : null;
  return (
    <div data-building-households={buildingId} className="flex w-full flex-col gap-2">
      <p className="text-sm text-slate-400">{w.pick}</p>
      <ul aria-label={w.title(label)} className="grid grid-cols-4 gap-2 sm:grid-cols-6 lg:grid-cols-10">
        {households.map((x) => {
          const s = stateOf(x);
          return (
            <li key={x.householdId}>
              <button
                type="button"
                data-desk-household={x.householdId}
                data-state={s}
                aria-pressed={picked === x.householdId}
                onClick={() => setPicked(picked === x.householdId ? null : x.householdId)}
                className={`flex min-h-12 w-full flex-col items-center justify-center rounded-lg px-1 ring-1 ${TONE[s]} ${picked === x.householdId ? "outline-2 outline-sky-300" : ""}`}
              >
                <span className="font-semibold tabular-nums">{x.unit}</span>
                <span className="text-xs">{w.state[s]}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {h && state && (
        <div data-household-actions={h.householdId} className="flex flex-wrap items-center gap-3 rounded bg-slate-800/60 px-3 py-2">
          <span className="font-semibold">{name(h)}</span>
          <span className="text-sm text-slate-300">
            {w.state[state]} · {w.residents(h.residents)}
          </span>
          {state === "tested" && round && (
            <UndoButton
              undo={{ type: "household.test_undone", payload: { roundId: round, householdId: h.householdId } }}
              label={w.undoTap}
              what={name(h)}
              names={names}
              lang={lang}
              onDone={done}
            />
          )}
          {h.status ? (
            <button
              type="button"
              data-reoccupy={h.householdId}
              onClick={() => setDialog("reoccupy")}
              className="rounded px-3 py-1 text-sm ring-1 ring-slate-500"
            >
              {w.reoccupy}
            </button>
          ) : (
            <button
              type="button"
              data-vacate={h.householdId}
              onClick={() => setDialog("vacate")}
              className="rounded px-3 py-1 text-sm ring-1 ring-slate-500"
            >
              {w.vacate}
            </button>
          )}
          <a
            href={`/history?entity=household&id=${encodeURIComponent(h.householdId)}`}
            data-history-link={h.householdId}
            title={w.historyTitle(name(h))}
            className="text-sm text-sky-300 underline"
          >
            {w.history}
          </a>
        </div>
      )}
      {h && dialog === "vacate" && (
        <ConfirmDialog
          kind="household-vacate"
          locale={lang}
          title={w.vacateTitle(name(h))}
          body={w.vacateBody(name(h))}
          confirmLabel={d.confirm}
          cancelLabel={d.cancel}
          workingLabel={d.working}
          onConfirm={async () => {
            const text = reason.trim();
            const r = await postEvent({
              type: "household.vacated",
              payload: { householdId: h.householdId, status: kind, ...(text ? { reason: text } : {}) },
            });
            if (r.ok) done();
            return r;
          }}
          onClose={close}
        >
          <fieldset className="flex flex-wrap gap-4">
            <legend className="mb-1 text-sm text-slate-400">{w.kind}</legend>
            {(["vacant", "moved_out"] as const).map((k) => (
              <label key={k} className="flex min-h-8 items-center gap-1">
                <input type="radio" name="vacate-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {w.kinds[k]}
              </label>
            ))}
          </fieldset>
          <ReasonField label={w.reason} name="vacate-reason" value={reason} onChange={setReason} />
        </ConfirmDialog>
      )}
      {h && dialog === "reoccupy" && (
        <ConfirmDialog
          kind="household-reoccupy"
          locale={lang}
          title={w.reoccupyTitle(name(h))}
          body={w.reoccupyBody(name(h))}
          confirmLabel={d.confirm}
          cancelLabel={d.cancel}
          workingLabel={d.working}
          onConfirm={async () => {
            const r = await postEvent({ type: "household.reoccupied", payload: { householdId: h.householdId } });
            if (r.ok) done();
            return r;
          }}
          onClose={close}
        />
      )}
    </div>
  );
}
