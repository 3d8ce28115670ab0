"use client";
import { useState } from "react";
import type { WallView } from "../../server/protocol/wall";
import type { DICTS } from "../_i18n/dict";
import { postName } from "../_i18n/posts";
import { errorText } from "../_i18n/reasons";
import { postEvent } from "../_live/post-event";
import { shortagesOf } from "./shortages";
import { fmtAge } from "./wall-format";

type Dict = (typeof DICTS)["en"];

/** The secretary's view of the alarms the wall shows: open alarms, each with a button that acknowledges it, then understaffed posts. */
export function AlarmList({ view, now, locale, t }: { view: WallView | null; now: number; locale: string; t: Dict }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const acknowledge = async (alertId: number) => {
    setBusy(alertId);
    const r = await postEvent({ type: "alert.acknowledged", payload: { alertId } });
    setBusy(null);
    setError(r.ok ? null : errorText(r.error, locale === "zh-CN" ? "zh-CN" : "en", r.message));
  };
  const items = view?.alerts.items ?? [];
  // Understaffed posts are alarms on the wall too; they clear when enough volunteers check in or the minimum drops.
  const short = shortagesOf(view?.posts);
  const more = (view?.alerts.total ?? 0) - items.length;
  const label = (id: string | null) => (id ? (view?.buildings.find((b) => b.buildingId === id)?.label ?? id) : "");
  return (
    <section className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800" data-desk-alarms={items.length + short.length}>
      <h2 className="mb-2 text-lg font-semibold">{t.desk.alarms}</h2>
      {items.length + short.length === 0 && <p className="text-slate-400">{t.desk.noAlarms}</p>}
      <ul className="flex flex-col gap-2">
        {items.map((a) => (
          <li
            key={a.alertId}
            data-alert-id={a.alertId}
            data-desk-alarm="alarm"
            className="flex items-center gap-3 rounded bg-red-950/60 px-3 py-2 ring-1 ring-red-800"
          >
            <span className="flex-1" data-alarm-text>
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
        {short.map((p) => (
          <li
            key={`p${p.post}`}
            data-desk-alarm="warn"
            data-short-post={p.post}
            className="flex items-center gap-3 rounded bg-amber-950/60 px-3 py-2 ring-1 ring-amber-700"
          >
            <span className="flex-1" data-alarm-text>
              {t.wall.short(postName(p, locale === "zh-CN" ? "zh-CN" : "en"), p.onDuty, p.minimum)}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="mt-1 text-sm text-red-200">{t.wall.more(more)}</p>}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
