"use client";
// The daily report page: pick a day, read it, print it on A4 or download it as CSV; the secretary's only.
import { useEffect, useState } from "react";
import { SecretaryOnly } from "../_components/SecretaryOnly";
import { SignInNotice } from "../_components/SignInNotice";
import { errorText } from "../_i18n/reasons";
import { REPORT } from "../_i18n/report";
import { useLang } from "../_i18n/use-lang";
import { screenCommunity } from "../_live/community";
import { ReportSheet } from "./ReportSheet";
import { useReport } from "./use-report";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The browser's own date today: the picker's upper bound (the server refuses a day after its own today). */
const browserToday = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function ReportScreen() {
  const { lang, t, toggle } = useLang();
  const r = REPORT[lang];
  const [where, setWhere] = useState<{ community: string; date: string | null } | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const date = q.get("date");
    setWhere({ community: screenCommunity(), date: date && DATE.test(date) ? date : null });
  }, []);
  const community = where?.community ?? "default";
  const state = useReport(community, where?.date ?? null, where !== null);
  const shown = state.status === "ready" ? state.report.date : (where?.date ?? "");
  const pick = (date: string) => {
    if (!DATE.test(date)) return;
    const q = new URLSearchParams(window.location.search);
    q.set("date", date);
    window.history.replaceState(null, "", `?${q}`);
    setWhere({ community, date });
  };
  const csv = `/api/reports/daily?${new URLSearchParams({ community, date: shown, format: "csv" })}`;
  const table = `/api/reports/daily?${new URLSearchParams({ community, date: shown, format: "table", lang })}`;
  return (
    <main className="min-h-full p-6 print:p-0">
      <header className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center gap-3 print:hidden">
        <a href="/" className="text-sm text-sky-300 underline">
          {r.back}
        </a>
        <label className="flex items-center gap-2 text-sm">
          {r.date}
          <input
            type="date"
            data-report-date
            value={shown}
            max={browserToday()}
            onChange={(e) => pick(e.target.value)}
            className="rounded bg-slate-800 px-2 py-1 text-slate-100 [color-scheme:dark]"
          />
        </label>
        {shown && (
          <a href={csv} download data-report-csv className="text-sm text-sky-300 underline">
            {r.csv}
          </a>
        )}
        {shown && (
          <a href={table} download data-report-table className="text-sm text-sky-300 underline">
            {r.table}
          </a>
        )}
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-900"
        >
          {r.print}
        </button>
        <button type="button" onClick={toggle} className="ml-auto rounded px-2 py-1 text-sm ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
      {state.status === "loading" && <p className="text-center text-slate-400 print:hidden">{r.loading}</p>}
      {state.status === "signed-out" && <SignInNotice text={t.signIn} />}
      {state.status === "forbidden" && <SecretaryOnly text={r.secretaryOnly} />}
      {state.status === "failed" && (
        <p role="alert" data-report-error className="text-center text-red-300">
          {r.failed(errorText(state.error, lang, state.message))}
        </p>
      )}
      {state.status === "ready" && <ReportSheet report={state.report} lang={lang} />}
    </main>
  );
}
