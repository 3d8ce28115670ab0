"use client";
import { useEffect, useRef, useState } from "react";
import type { readOpenRequests } from "../../server/queries/requests";
import { deskWords } from "../_i18n/desk";
import type { DICTS } from "../_i18n/dict";
import { EVIDENCE } from "../_i18n/evidence";
import { historyWords } from "../_i18n/history";
import { langOf } from "../_i18n/posts";
import { errorText, type Reasoned } from "../_i18n/reasons";
import { localWhen } from "../_i18n/when";
import { screenCommunity } from "../_live/community";
import { postEvent } from "../_live/post-event";
import { DecisionBasis } from "./DecisionBasis";
import { DocumentChecklist } from "./DocumentChecklist";
import { DocumentPhotos } from "./DocumentPhotos";
import { useUrgentAlert } from "./use-urgent-alert";
import { fmtAge } from "./wall-format";

type Item = Awaited<ReturnType<typeof readOpenRequests>>[number];
type Dict = (typeof DICTS)["en"];
const READ_EVERY_MS = 1000;
/** Whether the release rule asks this request for documents: a leave, or a medical request that is not urgent (contract section 3). */
const needsDocuments = (r: { kind: string; urgent: boolean }) => r.kind === "leave" || (r.kind === "medical" && !r.urgent);

/** The secretary's queue: each open request with its documents and the release rule's verdict, and the decisions. */
export function DecisionQueue({ seq, now, locale, t }: { seq: number | undefined; now: number; locale: string; t: Dict }) {
  const [read, setItems] = useState<Item[] | null>(null);
  const items = read ?? [];
  const urgent = useUrgentAlert(read);
  const [error, setError] = useState<string | null>(null);
  const lang = langOf(t);
  // Re-read when the feed moves, at most once a second and always after the last move:
  // the list is small and the server holds the rule.
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; last: number }>({ last: 0 });
  useEffect(() => {
    const p = pending.current;
    if (seq === undefined || p.timer) return;
    p.timer = setTimeout(
      () => {
        p.timer = undefined;
        p.last = Date.now();
        fetch(`/api/requests?community=${encodeURIComponent(screenCommunity())}`, { credentials: "same-origin" })
          .then((r) => (r.ok ? r.json() : null))
          .then((body: { requests: Item[] } | null) => body && setItems(body.requests))
          .catch(() => {});
      },
      Math.max(0, p.last + READ_EVERY_MS - Date.now()),
    );
  }, [seq]);
  useEffect(
    () => () => {
      clearTimeout(pending.current.timer);
      pending.current.timer = undefined;
    },
    [],
  );
  const decide = async (type: string, payload: object) => {
    const r = await postEvent({ type, payload });
    setError(r.ok ? null : errorText(r.error, lang, r.message));
  };
  const q = t.queue;
  const needs = (release: { missingReasons: Reasoned[] }) =>
    release.missingReasons.map((m) => errorText(m, lang)).join(lang === "zh-CN" ? "；" : "; ");
  // Announced and still waiting for a decision: one decided meanwhile leaves the banner.
  const announced = items.filter((r) => r.status === "pending" && urgent.fresh.includes(r.requestId));
  return (
    <section className="mt-6 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800" data-queue={items.length}>
      <h2 className="mb-2 text-lg font-semibold">{q.title}</h2>
      {announced.length > 0 && (
        <div
          role="alert"
          data-new-urgent={announced.map((r) => r.requestId).join(" ")}
          className="mb-2 flex flex-wrap items-center gap-2 rounded-lg bg-red-800 p-3"
        >
          <ul className="grow font-semibold">
            {announced.map((r) => (
              <li key={r.requestId}>
                {EVIDENCE[lang].newUrgent(
                  `${r.building} ${r.unit} · ${t.wall.requestKind[r.kind as keyof Dict["wall"]["requestKind"]] ?? r.kind}`,
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={urgent.dismiss} className="min-h-12 rounded-lg bg-white px-4 font-semibold text-slate-950">
            {EVIDENCE[lang].seen}
          </button>
        </div>
      )}
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
              <a
                href={`/history?entity=request&id=${encodeURIComponent(r.requestId)}`}
                data-history-link={r.requestId}
                title={historyWords(locale).linkTitle(r.requestId)}
                className="text-sm text-sky-300 underline"
              >
                {historyWords(locale).link}
              </a>
            </div>
            {r.note && <p className="mt-1 text-slate-300">{r.note}</p>}
            {/* Deliveries and urgent medical cases need no documents: none is "missing" for them, only what was sent is listed. */}
            {(needsDocuments(r) || r.documents.commitmentLetter || r.documents.testReportAt) && (
              <DocumentChecklist documents={r.documents} now={now} locale={locale} t={t} />
            )}
            <DocumentPhotos files={r.files} t={t} />
            {r.status === "approved" ? (
              <>
                <DecisionBasis decision={r.decision} now={now} locale={locale} />
                {r.pass && <PassLine pass={r.pass} kind={r.kind} now={now} locale={locale} />}
              </>
            ) : (
              <p
                data-release={r.release.ok ? (r.release.basis === "delivery" ? "delivery" : "ok") : "blocked"}
                className={`mt-1 text-sm ${r.release.ok ? "text-emerald-300" : "text-amber-300"}`}
              >
                {r.release.ok
                  ? r.release.basis === "delivery"
                    ? q.delivery
                    : q.releasable
                  : `${q.needs}${lang === "zh-CN" ? "：" : ": "}${needs(r.release)}`}
              </p>
            )}
            <Actions item={r} t={t} decide={decide} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Lapses within this: the desk asks for a new report before then. */
const SOON_MS = 12 * 3_600_000;

/** An approved request's pass: until when (and how long is left), how long a trip; a warning before it lapses. */
export function PassLine({
  pass,
  kind,
  now,
  locale,
}: {
  pass: { until: string; tripHours: number | null };
  kind: string;
  now: number;
  locale: string;
}) {
  const w = deskWords(locale).pass;
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const left = Date.parse(pass.until) - now;
  return (
    <div data-desk-pass={left <= 0 ? "lapsed" : left < SOON_MS ? "soon" : "valid"} className="mt-1 text-sm">
      <p className="text-slate-200">
        {w.line(localWhen(pass.until, lang), fmtAge(Math.max(0, left), locale))} ·{" "}
        {pass.tripHours === null ? w.noTripLimit : w.trip(pass.tripHours)}
      </p>
      {left <= 0 && <p className="font-semibold text-red-300">{w.lapsed}</p>}
      {left > 0 && left < SOON_MS && kind === "leave" && <p className="font-semibold text-amber-300">{w.newReport}</p>}
    </div>
  );
}

/** The `pass` of an approval from the desk's two optional fields: until (local date and time) and hours per trip. */
export function passOf(until: string, tripHours: string): { until?: string; tripHours?: number } | undefined {
  const out: { until?: string; tripHours?: number } = {};
  const at = until ? new Date(until) : null;
  if (at && !Number.isNaN(at.getTime())) out.until = at.toISOString();
  const h = Number(tripHours);
  if (tripHours.trim() && Number.isFinite(h) && h > 0) out.tripHours = h;
  return Object.keys(out).length ? out : undefined;
}

const TONES = {
  approve: "bg-emerald-400 text-slate-950",
  override: "bg-amber-400 text-slate-950",
  reject: "bg-red-400 text-slate-950",
  fulfil: "bg-slate-100 text-slate-900",
} as const;

function Act({ tone, label, disabled, onClick }: { tone: keyof typeof TONES; label: string; disabled?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      className={`min-h-12 min-w-24 rounded-lg px-4 py-2 font-semibold disabled:opacity-40 ${TONES[tone]}`}
    >
      {label}
    </button>
  );
}

/** The decisions open to a request: fulfil once approved; otherwise approve (with an override reason when the rule is not met) or reject. */
function Actions({ item, t, decide }: { item: Item; t: Dict; decide: (type: string, payload: object) => Promise<void> }) {
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [tripHours, setTripHours] = useState("");
  const q = t.queue;
  const words = deskWords(langOf(t)).pass;
  const requestId = item.requestId;
  if (item.status === "approved")
    return (
      <div className="mt-2">
        <Act tone="fulfil" label={q.fulfilled} onClick={() => decide("request.fulfilled", { requestId })} />
      </div>
    );
  const text = reason.trim();
  const who = `${item.building} ${item.unit}`;
  // Each decision is confirmed once: a gloved tap on a phone must not approve a release by accident.
  const confirmed = (action: string) => window.confirm(q.confirm(action, who));
  const releases = item.kind === "leave" || item.kind === "medical";
  const pass = releases ? passOf(until, tripHours) : undefined;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      {releases && (
        <details data-shorten-pass className="basis-full text-sm">
          <summary className="min-h-12 cursor-pointer py-3 text-slate-300">{words.shorten}</summary>
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col gap-1">
              {words.until}
              <input
                type="datetime-local"
                name="passUntil"
                value={until}
                onChange={(e) => setUntil(e.target.value)}
                className="min-h-12 rounded bg-slate-900 px-3"
              />
            </label>
            <label className="flex flex-col gap-1">
              {words.tripHours}
              <input
                type="number"
                name="tripHours"
                min="0.25"
                step="0.25"
                inputMode="decimal"
                value={tripHours}
                onChange={(e) => setTripHours(e.target.value)}
                className="min-h-12 w-32 rounded bg-slate-900 px-3"
              />
            </label>
          </div>
          <p className="mt-1 text-slate-400">{words.hint}</p>
        </details>
      )}
      <input
        aria-label={q.reason}
        placeholder={q.reason}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="w-full min-w-0 flex-1 basis-full rounded bg-slate-900 px-3 py-3 sm:basis-64"
      />
      {item.release.ok ? (
        <Act
          tone="approve"
          label={q.approve}
          onClick={() => confirmed(q.approve) && decide("request.approved", { requestId, ...(pass ? { pass } : {}) })}
        />
      ) : (
        <Act
          tone="override"
          label={q.override}
          disabled={!text}
          onClick={() =>
            confirmed(q.override) && decide("request.approved", { requestId, override: { reason: text }, ...(pass ? { pass } : {}) })
          }
        />
      )}
      <Act
        tone="reject"
        label={q.reject}
        disabled={!text}
        onClick={() => confirmed(q.reject) && decide("request.rejected", { requestId, reason: text })}
      />
    </div>
  );
}
