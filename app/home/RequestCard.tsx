"use client";
// One of the household's requests: what was asked, its status, the decision and its reason, and cancel while it waits.
import type { Lang } from "../_i18n/dict";
import { HOME, type HomeKind } from "../_i18n/home";
import type { MyRequest } from "./use-my-requests";

const TONE: Record<MyRequest["status"], string> = {
  pending: "bg-amber-300 text-slate-950",
  approved: "bg-emerald-400 text-slate-950",
  fulfilled: "bg-slate-300 text-slate-950",
  rejected: "bg-red-400 text-slate-950",
  cancelled: "bg-slate-600 text-white",
};

export function RequestCard({ r, lang, onCancel }: { r: MyRequest; lang: Lang; onCancel: (r: MyRequest) => void }) {
  const h = HOME[lang];
  const at = new Date(r.openedAt).toLocaleString(lang, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const photos = r.documents.filter((d) => d.fileId).length;
  return (
    <li
      data-my-request={r.requestId}
      data-status={r.status}
      className="flex flex-col gap-2 rounded-xl bg-slate-900 p-4 ring-1 ring-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-lg font-semibold">{h.kinds[r.kind as HomeKind] ?? r.kind}</span>
        {r.urgent && <span className="rounded bg-red-700 px-2 text-sm font-semibold text-white">{h.urgent}</span>}
        <span data-request-status className={`ml-auto rounded-full px-3 py-1 text-sm font-semibold ${TONE[r.status]}`}>
          {h.status[r.status]}
        </span>
      </div>
      <p className="text-sm text-slate-300">
        {r.requestId} · {h.opened(at)}
        {photos > 0 ? ` · ${h.documents(photos)}` : ""}
      </p>
      {(r.person || r.note) && <p className="text-base">{[r.person, r.note].filter(Boolean).join(" · ")}</p>}
      {r.decision && (r.decision.reason || r.decision.note || r.decision.basis === "override") && (
        <p data-decision className="rounded-lg bg-slate-800 p-3 text-base">
          {r.decision.basis === "override" && <span className="block font-semibold">{h.override}</span>}
          {r.decision.reason && (
            <span className="block">
              {h.decidedBecause}: {r.decision.reason}
            </span>
          )}
          {r.decision.note && <span className="block">{r.decision.note}</span>}
        </p>
      )}
      {r.status === "pending" && (
        <button
          type="button"
          onClick={() => onCancel(r)}
          className="min-h-12 rounded-lg bg-slate-800 text-base font-semibold text-red-200 ring-1 ring-red-300/60"
        >
          {h.cancel}
        </button>
      )}
    </li>
  );
}
