"use client";
// Why: the secretary sees which doors are still to knock on in the open round, and records one with a tap.
import { useState } from "react";
import type { Lang } from "../_i18n/dict";
import { DOORS } from "../_i18n/doors";
import { errorText } from "../_i18n/reasons";
import { useUntested } from "../_live/use-untested";
import { UnitGrid } from "./UnitGrid";

/**
 * The secretary's door-knocking list: the open round's households not yet tested, by building with
 * counts, each building folded until opened; one tap on a unit records it tested (the small link under it opens
 * its history: this list is the desk's, the secretary's, never the phone's), and the list
 * follows the feed (the wall and the desk's numbers move with the same event).
 */
export function DoorKnocking({ seq, lang }: { seq: number | undefined; lang: Lang }) {
  const { list, mark, unmark } = useUntested(seq);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  // The last tap's line offers its undo (the secretary's own tap: no reason needed), until the next tap.
  const [status, setStatus] = useState<{ ok: boolean; text: string; undo?: { householdId: string; label: string; unit: string } } | null>(
    null,
  );
  const d = DOORS[lang];
  const fmt = new Intl.NumberFormat(lang);
  const total = list?.buildings.reduce((n, b) => n + b.households.length, 0) ?? 0;
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <section
      data-doors="desk"
      data-doors-left={list ? total : undefined}
      className="mt-6 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800"
    >
      <h2 className="mb-2 flex flex-wrap items-baseline gap-x-3 text-lg font-semibold">
        {d.title}
        {list?.round && <span className="text-base font-normal text-slate-400">{d.left(fmt.format(total))}</span>}
      </h2>
      {!list && <p className="text-slate-400">{d.loading}</p>}
      {list && !list.round && <p className="text-slate-400">{d.noRound}</p>}
      {list?.round && total === 0 && <p className="text-emerald-300">{d.allDone}</p>}
      {status && (
        <p
          role="status"
          data-status={status.ok ? "ok" : "error"}
          className={`mb-2 text-sm ${status.ok ? "text-emerald-300" : "text-red-300"}`}
        >
          {status.text}
          {status.undo && (
            <button
              type="button"
              data-desk-undo={status.undo.householdId}
              aria-label={`${d.undo} ${status.undo.label} ${status.undo.unit}`}
              onClick={async () => {
                const u = status.undo;
                if (!u) return;
                const r = await unmark(u.householdId);
                setStatus(r.ok ? { ok: true, text: d.undone(u.label, u.unit) } : { ok: false, text: errorText(r.error, lang, r.message) });
              }}
              className="ml-3 rounded px-3 py-1 text-slate-100 ring-1 ring-amber-400/70"
            >
              {d.undo}
            </button>
          )}
        </p>
      )}
      <ul className="flex flex-col gap-2">
        {list?.buildings.map((b) => {
          const expanded = open.has(b.buildingId);
          return (
            <li key={b.buildingId} data-building={b.buildingId} data-left={b.households.length} className="rounded bg-slate-800/50">
              <button
                type="button"
                aria-expanded={expanded}
                onClick={() => toggle(b.buildingId)}
                className="flex w-full items-baseline gap-3 px-3 py-2 text-left"
              >
                <span className="w-4 text-slate-400">{expanded ? "▾" : "▸"}</span>
                <span className="font-semibold">{b.label}</span>
                <span className="tabular-nums text-slate-400">{d.left(fmt.format(b.households.length))}</span>
                <span className="ml-auto text-sm text-slate-400">{expanded ? d.hide : d.show}</span>
              </button>
              {expanded && (
                <div className="px-3 pb-3">
                  <UnitGrid
                    label={b.label}
                    units={b.households}
                    busy={busy}
                    below={(u) => (
                      <a
                        href={`/history?entity=household&id=${encodeURIComponent(u.householdId)}`}
                        data-history-link={u.householdId}
                        title={d.historyTitle(b.label, u.unit)}
                        aria-label={d.historyTitle(b.label, u.unit)}
                        className="py-1 text-center text-xs text-sky-300 underline"
                      >
                        {d.history}
                      </a>
                    )}
                    onPick={async (u) => {
                      setBusy(u.householdId);
                      const r = await mark(u.householdId);
                      setBusy(null);
                      setStatus(
                        r.ok
                          ? {
                              ok: true,
                              text: d.marked(b.label, u.unit),
                              undo: { householdId: u.householdId, label: b.label, unit: u.unit },
                            }
                          : { ok: false, text: errorText(r.error, lang, r.message) },
                      );
                    }}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
