"use client";
// The street's daily summary: pick a day and an hour, read each compound's figures beside the totals, print or download it.
import { useEffect, useState } from "react";
import {
  STREET_DAILY_FIELDS,
  STREET_DAILY_LABELS,
  type StreetDailyFigures,
  type StreetDailyRow,
} from "../../../server/domain/street-daily";
import { SignInNotice } from "../../_components/SignInNotice";
import { errorText, type Reasoned } from "../../_i18n/reasons";
import { compoundLabel, STREET } from "../../_i18n/street";
import { STREET_DAILY } from "../../_i18n/street-daily";
import { useLang } from "../../_i18n/use-lang";

interface Summary {
  date: string;
  timeZone: string;
  communities: StreetDailyRow[];
  totals: StreetDailyFigures;
  silentSince?: string;
  silent?: string[];
}
type State =
  | { status: "loading" | "signed-out" | "forbidden" }
  | { status: "failed"; message: string; error?: Reasoned }
  | { status: "ready"; summary: Summary };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const browserToday = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

function useSummary(where: { date: string | null; since: string } | null): State {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    if (!where) return;
    let live = true;
    setState({ status: "loading" });
    const q = new URLSearchParams({ silentSince: where.since, ...(where.date ? { date: where.date } : {}) });
    fetch(`/api/street/daily?${q}`, { credentials: "same-origin", cache: "no-store" })
      .then(async (r) => {
        if (!live) return;
        if (r.status === 401) return setState({ status: "signed-out" });
        if (r.status === 403) return setState({ status: "forbidden" });
        const body = (await r.json()) as Summary & { error?: Reasoned & { message: string } };
        setState(
          r.ok
            ? { status: "ready", summary: body }
            : { status: "failed", message: body.error?.message ?? `HTTP ${r.status}`, error: body.error },
        );
      })
      .catch(
        () => live && setState({ status: "failed", message: "the server cannot be reached", error: { reason: "server_unreachable" } }),
      );
    return () => {
      live = false;
    };
  }, [where]);
  return state;
}

export function StreetDailyScreen() {
  const { lang, t, toggle } = useLang();
  const d = STREET_DAILY[lang];
  const cols = STREET_DAILY_LABELS[lang];
  const [where, setWhere] = useState<{ date: string | null; since: string } | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const date = q.get("date");
    const since = q.get("since");
    setWhere({ date: date && DATE.test(date) ? date : null, since: since && TIME.test(since) ? since : "00:00" });
  }, []);
  const state = useSummary(where);
  const shown = state.status === "ready" ? state.summary.date : (where?.date ?? "");
  const since = where?.since ?? "00:00";
  const move = (patch: Partial<{ date: string; since: string }>) => {
    if (patch.date !== undefined && !DATE.test(patch.date)) return;
    if (patch.since !== undefined && !TIME.test(patch.since)) return;
    const q = new URLSearchParams(window.location.search);
    if (patch.date) q.set("date", patch.date);
    if (patch.since) q.set("since", patch.since);
    window.history.replaceState(null, "", `?${q}`);
    setWhere({ date: patch.date ?? where?.date ?? null, since: patch.since ?? since });
  };
  const csv = (withLang: boolean) =>
    `/api/street/daily?${new URLSearchParams({ date: shown, silentSince: since, format: "csv", ...(withLang ? { lang } : {}) })}`;
  return (
    <main className="min-h-full p-6 print:p-0">
      <header className="mx-auto mb-4 flex max-w-[297mm] flex-wrap items-center gap-3 print:hidden">
        <a href="/street" className="text-sm text-sky-300 underline">
          {d.back}
        </a>
        <label className="flex items-center gap-2 text-sm">
          {d.date}
          <input
            type="date"
            data-street-date
            value={shown}
            max={browserToday()}
            onChange={(e) => move({ date: e.target.value })}
            className="rounded bg-slate-800 px-2 py-1 text-slate-100 [color-scheme:dark]"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          {d.since}
          <input
            type="time"
            data-street-since
            value={since}
            onChange={(e) => move({ since: e.target.value })}
            className="rounded bg-slate-800 px-2 py-1 text-slate-100 [color-scheme:dark]"
          />
        </label>
        {shown && (
          <a href={csv(true)} download data-street-csv className="text-sm text-sky-300 underline">
            {d.csv}
          </a>
        )}
        {shown && (
          <a href={csv(false)} download data-street-csv-keys className="text-sm text-sky-300 underline">
            {d.csvKeys}
          </a>
        )}
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-900"
        >
          {d.print}
        </button>
        <button type="button" onClick={toggle} className="ml-auto rounded px-2 py-1 text-sm ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
      {state.status === "loading" && <p className="text-center text-slate-400 print:hidden">{d.loading}</p>}
      {state.status === "signed-out" && <SignInNotice text={t.signIn} />}
      {state.status === "forbidden" && (
        <p role="alert" className="mx-auto max-w-xl text-center text-amber-200">
          {d.forbidden}
        </p>
      )}
      {state.status === "failed" && (
        <p role="alert" data-street-error className="text-center text-red-300">
          {d.failed(errorText(state.error, lang, state.message))}
        </p>
      )}
      {state.status === "ready" && <Sheet s={state.summary} since={since} lang={lang} d={d} cols={cols} />}
    </main>
  );
}

function Sheet({
  s,
  since,
  lang,
  d,
  cols,
}: {
  s: Summary;
  since: string;
  lang: "en" | "zh-CN";
  d: (typeof STREET_DAILY)["en"];
  cols: (typeof STREET_DAILY_LABELS)["en"];
}) {
  const num = (n: number) => n.toLocaleString(lang, { maximumFractionDigits: 2 });
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(lang, { timeZone: s.timeZone, dateStyle: "short", timeStyle: "short", hour12: false }) : d.never;
  const silent = new Set(s.silent ?? []);
  const name = (r: StreetDailyRow) => compoundLabel(r, STREET[lang]);
  const rows = [...s.communities].sort((a, b) => name(a).localeCompare(name(b), "zh-CN"));
  return (
    <article
      data-street-sheet
      data-date={s.date}
      lang={lang}
      className="mx-auto flex w-[297mm] max-w-full flex-col gap-[3mm] overflow-x-auto bg-white p-[10mm] text-[9pt] leading-snug text-slate-900 shadow-xl print:w-auto print:overflow-visible print:p-0 print:shadow-none"
    >
      <header className="border-b-2 border-slate-900 pb-[2mm]">
        <h1 className="text-[15pt] font-bold">{d.title}</h1>
        <p data-street-heading>{d.heading(s.date, s.timeZone, rows.length)}</p>
        <p className="text-slate-700">{d.generated(time(new Date().toISOString()))}</p>
      </header>
      <table className="w-full border-collapse tabular-nums">
        <thead>
          <tr className="border-b border-slate-900 align-bottom">
            <th scope="col" className="px-1 text-left">
              {cols.name}
            </th>
            {STREET_DAILY_FIELDS.map((f) => (
              <th key={f} scope="col" className="px-1 text-right">
                {cols[f]}
              </th>
            ))}
            <th scope="col" className="px-1 text-right">
              {cols.lastEventAt}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.community}
              data-street-row={r.community}
              data-silent={silent.has(r.community) || undefined}
              className="border-b border-slate-300 odd:bg-slate-100 print:odd:bg-slate-100"
            >
              <th scope="row" className="px-1 text-left font-medium">
                {name(r)}
                {r.name && <span className="ml-1 text-slate-600">{r.community}</span>}
              </th>
              {STREET_DAILY_FIELDS.map((f) => (
                <td key={f} data-cell={f} className="px-1 text-right">
                  {num(r[f])}
                </td>
              ))}
              <td className={`px-1 text-right ${silent.has(r.community) ? "font-bold text-amber-800" : ""}`}>
                {silent.has(r.community) && <span aria-hidden="true">⚠ </span>}
                {time(r.lastEventAt)}
                {silent.has(r.community) && <span className="sr-only"> ({d.silentMark})</span>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-900 font-bold" data-street-total>
            <th scope="row" className="px-1 text-left">
              {cols.total}
            </th>
            {STREET_DAILY_FIELDS.map((f) => (
              <td key={f} data-total={f} className="px-1 text-right">
                {num(s.totals[f])}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
      <section data-street-silent className="break-inside-avoid">
        <h2 className="text-[11pt] font-bold">{d.silentTitle(`${s.date} ${since}`)}</h2>
        {silent.size === 0 ? (
          <p>{d.noneSilent}</p>
        ) : (
          <ul className="flex flex-wrap gap-x-4">
            {rows
              .filter((r) => silent.has(r.community))
              .map((r) => (
                <li key={r.community} data-silent-compound={r.community}>
                  {name(r)} · {time(r.lastEventAt)}
                </li>
              ))}
          </ul>
        )}
      </section>
    </article>
  );
}
