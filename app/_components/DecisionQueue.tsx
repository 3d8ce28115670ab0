"use client";
import { useEffect, useState } from "react";
import type { readOpenRequests } from "../../server/queries/requests";
import type { DICTS } from "../_i18n/dict";
import { postEvent } from "../_live/post-event";
import { fmtAge } from "./wall-format";

type Item = Awaited<ReturnType<typeof readOpenRequests>>[number];
type Dict = (typeof DICTS)["en"];

/** The secretary's queue: each open request with its documents and the release rule's verdict, and the decisions. */
export function DecisionQueue({ seq, now, locale, t }: { seq: number | undefined; now: number; locale: string; t: Dict }) {
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Re-read whenever the feed moves: the list is small and the server holds the rule.
  useEffect(() => {
    if (seq === undefined) return;
    let stale = false;
    fetch("/api/requests", { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { requests: Item[] } | null) => {
        if (!stale && body) setItems(body.requests);
      })
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [seq]);
  const decide = async (type: string, payload: object) => {
    const r = await postEvent({ type, payload });
    setError(r.ok ? null : r.message);
  };
  const q = t.queue;
  return (
    <section className="mt-6 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800" data-queue={items.length}>
      <h2 className="mb-2 text-lg font-semibold">{q.title}</h2>
      {items.length === 0 && <p className="text-slate-400">{q.empty}</p>}
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-300">
          {error}
        </p>
      )}
      <ul className="flex flex-col gap-3">
        {items.map((r) => (
          <li key={r.requestId} data-request={r.requestId} className="rounded bg-slate-800/60 p-3 ring-1 ring-slate-700">
            <div className="flex flex-wrap items-baseline gap-2">
              {r.urgent && <span className="rounded bg-red-700 px-2 text-sm font-semibold">{t.wall.urgent}</span>}
              <span className="font-semibold">{t.wall.requestKind[r.kind as keyof Dict["wall"]["requestKind"]] ?? r.kind}</span>
              <span>
                {r.building} {r.unit}
              </span>
              {r.person && <span className="text-slate-200">· {r.person}</span>}
              {r.status === "approved" && <span className="rounded bg-emerald-800 px-2 text-sm">{q.approved}</span>}
              <span className="ml-auto tabular-nums text-slate-400">{fmtAge(now - Date.parse(r.openedAt), locale)}</span>
            </div>
            {r.note && <p className="mt-1 text-slate-300">{r.note}</p>}
            <p className="mt-1 text-sm text-slate-400">
              {q.letter}: {r.documents.commitmentLetter ? "✓" : "✗"} · {q.report}:{" "}
              {r.documents.testReportAt ? fmtAge(now - Date.parse(r.documents.testReportAt), locale) : q.none}
            </p>
            <p
              data-release={r.release.ok ? "ok" : "blocked"}
              className={`mt-1 text-sm ${r.release.ok ? "text-emerald-300" : "text-amber-300"}`}
            >
              {r.release.ok ? q.releasable : `${q.needs}: ${r.release.missing.join("; ")}`}
            </p>
            <Actions item={r} t={t} decide={decide} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Actions({ item, t, decide }: { item: Item; t: Dict; decide: (type: string, payload: object) => Promise<void> }) {
  const [reason, setReason] = useState("");
  const q = t.queue;
  const button = "rounded px-3 py-1 text-sm font-semibold disabled:opacity-40";
  if (item.status === "approved")
    return (
      <div className="mt-2">
        <button
          type="button"
          className={`${button} bg-slate-100 text-slate-900`}
          onClick={() => decide("request.fulfilled", { requestId: item.requestId })}
        >
          {q.fulfilled}
        </button>
      </div>
    );
  const reasonText = reason.trim();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <input
        aria-label={q.reason}
        placeholder={q.reason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="min-w-64 flex-1 rounded bg-slate-900 px-2 py-1 text-sm"
      />
      {item.release.ok ? (
        <button
          type="button"
          className={`${button} bg-emerald-400 text-slate-950`}
          onClick={() => decide("request.approved", { requestId: item.requestId })}
        >
          {q.approve}
        </button>
      ) : (
        <button
          type="button"
          disabled={!reasonText}
          className={`${button} bg-amber-400 text-slate-950`}
          onClick={() => decide("request.approved", { requestId: item.requestId, override: { reason: reasonText } })}
        >
          {q.override}
        </button>
      )}
      <button
        type="button"
        disabled={!reasonText}
        className={`${button} bg-red-400 text-slate-950`}
        onClick={() => decide("request.rejected", { requestId: item.requestId, reason: reasonText })}
      >
        {q.reject}
      </button>
    </div>
  );
}
