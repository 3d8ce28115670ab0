"use client";
import { useState } from "react";
import type { WallView } from "../../server/protocol/wall";
import type { DICTS } from "../_i18n/dict";
import { postEvent } from "../_live/post-event";
import { fmtAge } from "./wall-format";

type Dict = (typeof DICTS)["en"];

/** The secretary's view of the open alarms, each with a button that acknowledges it. */
export function AlarmList({ view, now, locale, t }: { view: WallView | null; now: number; locale: string; t: Dict }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const acknowledge = async (alertId: number) => {
    setBusy(alertId);
    const r = await postEvent({ type: "alert.acknowledged", payload: { alertId } });
    setBusy(null);
    setError(r.ok ? null : r.message);
  };
  const items = view?.alerts.items ?? [];
  const label = (id: string | null) => (id ? (view?.buildings.find((b) => b.buildingId === id)?.label ?? id) : "");
  return (
    <section className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800" data-desk-alarms={items.length}>
      <h2 className="mb-2 text-lg font-semibold">{t.desk.alarms}</h2>
      {items.length === 0 && <p className="text-slate-400">{t.desk.noAlarms}</p>}
      <ul className="flex flex-col gap-2">
        {items.map((a) => (
          <li
            key={a.alertId}
            data-alert-id={a.alertId}
            className="flex items-center gap-3 rounded bg-red-950/60 px-3 py-2 ring-1 ring-red-800"
          >
            <span className="flex-1">
              {a.kind === "urgent_request"
                ? t.wall.alertUrgent(a.requestKind ? t.wall.requestKind[a.requestKind] : "", label(a.buildingId))
                : t.wall.alertPositive(label(a.buildingId))}
            </span>
            <span className="tabular-nums text-slate-300">{fmtAge(now - Date.parse(a.raisedAt), locale)}</span>
            <button
              type="button"
              disabled={busy === a.alertId}
              onClick={() => acknowledge(a.alertId)}
              className="rounded bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-900 disabled:opacity-50"
            >
              {t.desk.acknowledge}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
