"use client";
// Why: the secretary accounts for every release: who, on what basis, with which documents, and each trip out and back.
import { Fragment, useEffect, useState } from "react";
import type { Lang } from "../_i18n/dict";
import { useLang } from "../_i18n/use-lang";
import { PrintedPass } from "./PrintedPass";

interface Trip {
  outAt: string;
  inAt: string | null;
  overdue: boolean;
}
interface Release {
  requestId: string;
  building: string;
  unit: string;
  person: string | null;
  kind: string;
  basis: string;
  overrideReason: string | null;
  approvedAt: string;
  documents: { document: string; testedAt: string | null; addedAt: string; fileId: string | null }[];
  pass: { until: string; tripHours: number | null; state: "inside" | "outside"; printCode?: string } | null;
  trips: Trip[];
}

const W = {
  en: {
    title: "Release register",
    back: "Desk",
    print: "Print",
    csv: "CSV",
    none: "No releases in this period",
    secretaryOnly: "The release register is for the secretary only",
    cols: ["Approved", "Request", "Household", "Person", "Kind", "Basis", "Documents", "Pass until", "Trips"],
    kind: { leave: "leave", medical: "medical" } as Record<string, string>,
    basis: { documents: "documents", urgent_medical: "urgent medical", override: "override" } as Record<string, string>,
    doc: { commitment_letter: "commitment letter", test_report: "test report" } as Record<string, string>,
    out: "out",
    in: "in",
    notBack: "not back",
    overdue: "overdue",
    from: "From",
    to: "to",
    printPass: "Print pass",
    period: (from: string, to: string, at: string) => `From ${from} to ${to} · printed ${at}`,
    printThis: "Print this pass",
    close: "Close",
  },
  "zh-CN": {
    title: "放行登记簿",
    back: "工作台",
    print: "打印",
    csv: "导出 CSV",
    none: "此期间没有放行记录",
    secretaryOnly: "放行登记簿仅限书记查看",
    cols: ["批准时间", "申请号", "住户", "姓名", "类型", "依据", "材料", "通行证有效至", "出入记录"],
    kind: { leave: "外出", medical: "就医" } as Record<string, string>,
    basis: { documents: "材料齐全", urgent_medical: "紧急就医", override: "特批" } as Record<string, string>,
    doc: { commitment_letter: "承诺书", test_report: "核酸报告" } as Record<string, string>,
    out: "出",
    in: "回",
    notBack: "未返回",
    overdue: "逾时",
    from: "自",
    to: "至",
    printPass: "打印通行证",
    period: (from: string, to: string, at: string) => `${from} 至 ${to} · 打印于 ${at}`,
    printThis: "打印此通行证",
    close: "关闭",
  },
} as const;

const when = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
/** The day of an approval as the register groups it: "12月6日 星期日", "Sunday, Dec 6". */
const dayOf = (iso: string, lang: Lang) =>
  iso ? new Date(iso).toLocaleDateString(lang, { weekday: "long", month: "short", day: "numeric" }) : "";
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function ReleasesScreen() {
  const { lang, t, toggle } = useLang();
  const w = W[lang];
  const [from, setFrom] = useState(() => isoDay(Date.now() - 7 * 86_400_000));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  const [list, setList] = useState<Release[] | null>(null);
  const [denied, setDenied] = useState(false);
  // The pass being printed for someone without a phone: while set, printing gives that pass, not the register.
  const [printing, setPrinting] = useState<Release | null>(null);
  useEffect(() => {
    if (!printing) return;
    document.documentElement.setAttribute("data-printing-pass", "");
    return () => document.documentElement.removeAttribute("data-printing-pass");
  }, [printing]);
  const query = `from=${from}&to=${to}`;
  useEffect(() => {
    fetch(`/api/releases?${query}`, { credentials: "same-origin" })
      .then(async (r) => {
        if (r.status === 403 || r.status === 401) return setDenied(true);
        if (r.ok) setList(((await r.json()) as { releases: Release[] }).releases);
      })
      .catch(() => {});
  }, [query]);
  return (
    <main className="mx-auto max-w-6xl p-6 print:p-0">
      {printing?.pass && (
        <section data-pass-sheet className="flex flex-col items-center gap-4 rounded-lg bg-white p-4 print:p-0">
          <div data-no-print className="flex gap-3">
            <button type="button" onClick={() => window.print()} className="min-h-12 rounded bg-sky-700 px-4 text-white">
              {w.printThis}
            </button>
            <button type="button" onClick={() => setPrinting(null)} className="min-h-12 rounded px-4 text-slate-900 ring-1 ring-slate-500">
              {w.close}
            </button>
          </div>
          <PrintedPass r={{ ...printing, pass: printing.pass }} />
        </section>
      )}
      <div data-register>
        <header className="flex flex-wrap items-center justify-between gap-3 py-4">
          <h1 className="text-2xl font-semibold">{w.title}</h1>
          <div data-no-print className="flex flex-wrap items-center gap-3">
            <label className="text-sm">
              {w.from}{" "}
              <input
                type="date"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                className="rounded bg-slate-900 px-2 py-1 ring-1 ring-slate-700"
              />
            </label>
            <label className="text-sm">
              {w.to}{" "}
              <input
                type="date"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                className="rounded bg-slate-900 px-2 py-1 ring-1 ring-slate-700"
              />
            </label>
            <a href={`/api/releases?${query}&format=csv`} className="text-sm text-sky-300 underline">
              {w.csv}
            </a>
            <button type="button" onClick={() => window.print()} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
              {w.print}
            </button>
            <a href="/" className="text-sm text-sky-300 underline">
              {w.back}
            </a>
            <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
              {t.language}
            </button>
          </div>
        </header>
        <p className="hidden pb-2 text-sm print:block">{w.period(from, to, when(new Date().toISOString(), lang))}</p>
        {denied && <p data-secretary-only>{w.secretaryOnly}</p>}
        {list && list.length === 0 && <p className="text-slate-400">{w.none}</p>}
        {list && list.length > 0 && (
          <table data-releases className="w-full border-collapse text-sm">
            <thead>
              <tr>
                {w.cols.map((c) => (
                  <th key={c} scope="col" className="border-b border-slate-600 p-1 text-left">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((r, i) => (
                <Fragment key={r.requestId}>
                  {(i === 0 || dayOf(list[i - 1]?.approvedAt ?? "", lang) !== dayOf(r.approvedAt, lang)) && (
                    <tr data-release-day>
                      <th colSpan={w.cols.length} scope="colgroup" className="border-b border-slate-500 p-1 pt-3 text-left text-base">
                        {dayOf(r.approvedAt, lang)}
                      </th>
                    </tr>
                  )}
                  <tr data-release={r.requestId} className="align-top">
                    <td className="border-b border-slate-800 p-1">{when(r.approvedAt, lang)}</td>
                    <td className="border-b border-slate-800 p-1">{r.requestId}</td>
                    <td className="border-b border-slate-800 p-1">
                      {r.building} · {r.unit}
                    </td>
                    <td className="border-b border-slate-800 p-1">{r.person ?? ""}</td>
                    <td className="border-b border-slate-800 p-1">{w.kind[r.kind] ?? r.kind}</td>
                    <td className="border-b border-slate-800 p-1">
                      {w.basis[r.basis] ?? r.basis}
                      {r.overrideReason && <div className="text-amber-300 print:text-black">{r.overrideReason}</div>}
                    </td>
                    <td className="border-b border-slate-800 p-1">
                      {r.documents.map((d) => (
                        <div key={`${d.document}-${d.addedAt}`}>
                          {d.fileId && (
                            // A thumbnail the server re-encoded (no metadata), read with the secretary's own session.
                            // biome-ignore lint/performance/noImgElement: an API thumbnail, not a static asset
                            <img
                              src={`/api/files/${encodeURIComponent(d.fileId)}?size=thumb`}
                              alt={w.doc[d.document] ?? d.document}
                              data-release-thumb
                              className="mr-1 inline-block h-12 w-auto rounded align-middle"
                            />
                          )}
                          {w.doc[d.document] ?? d.document}
                          {d.testedAt ? ` ${when(d.testedAt, lang)}` : ""}
                        </div>
                      ))}
                    </td>
                    <td className="border-b border-slate-800 p-1">
                      {r.pass ? when(r.pass.until, lang) : ""}
                      {r.pass?.printCode && (r.pass.state === "outside" || Date.parse(r.pass.until) > Date.now()) && (
                        <button
                          type="button"
                          data-no-print
                          data-print-pass={r.requestId}
                          onClick={() => setPrinting(r)}
                          className="mt-1 block min-h-11 rounded px-2 text-sky-300 ring-1 ring-slate-700"
                        >
                          {w.printPass}
                        </button>
                      )}
                    </td>
                    <td className="border-b border-slate-800 p-1">
                      {r.trips.map((tr) => (
                        <div
                          key={tr.outAt}
                          data-trip-overdue={tr.overdue}
                          className={tr.overdue ? "font-semibold text-red-300 print:text-black" : ""}
                        >
                          {w.out} {when(tr.outAt, lang)} · {tr.inAt ? `${w.in} ${when(tr.inAt, lang)}` : w.notBack}
                          {tr.overdue ? ` · ${w.overdue}` : ""}
                        </div>
                      ))}
                    </td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
