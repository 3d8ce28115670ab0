// The report as a sheet of A4 paper: white on screen and the only thing printed; figures, two charts and the tables.
import type { DailyReport } from "../../server/protocol/daily-report";
import { DICTS, type Lang } from "../_i18n/dict";
import { REPORT } from "../_i18n/report";
import { BarList } from "./BarList";
import { CoverageAndSeals } from "./CoverageAndSeals";
import { HourColumns } from "./HourColumns";
import { BuildingTable, ReleaseTable, RequestTable, RoundTable } from "./ReportTables";

const FIGURES = ["householdsTested", "positives", "buildingsSealed", "buildingsUnsealed", "opened", "decided"] as const;

function figure(report: DailyReport, key: (typeof FIGURES)[number]): number {
  if (key === "opened") return Object.values(report.requests.opened).reduce((a, b) => a + b, 0);
  if (key === "decided") return report.requests.decided.approved + report.requests.decided.rejected;
  return report[key];
}

export function ReportSheet({ report, lang }: { report: DailyReport; lang: Lang }) {
  const r = REPORT[lang];
  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang, { timeZone: report.timeZone, dateStyle: "medium", timeStyle: "short", hour12: false });
  const posts = DICTS[lang].wall.posts;
  const bars = Object.entries(report.volunteerHours).map(([post, h]) => ({ key: post, label: posts[post] ?? post, value: h }));
  return (
    <article
      data-report-sheet
      data-date={report.date}
      lang={lang}
      className="mx-auto flex w-[210mm] min-h-[297mm] flex-col gap-[4mm] bg-white p-[12mm] text-[9.5pt] leading-snug text-slate-900 shadow-xl print:min-h-[268mm] print:w-auto print:p-0 print:shadow-none"
    >
      <header className="border-b-2 border-slate-900 pb-[2mm]">
        <h1 className="text-[16pt] font-bold">{r.title}</h1>
        <p data-report-heading>{r.heading(report.date, report.timeZone, report.name ?? r.unnamed)}</p>
        {!report.complete && (
          <p data-under-way className="font-semibold text-amber-700">
            {r.underWay(time(new Date().toISOString()))}
          </p>
        )}
      </header>
      <dl className="grid grid-cols-6 gap-[2mm]">
        {FIGURES.map((k) => (
          <div key={k} className="rounded border border-slate-300 p-[2mm]">
            <dt className="text-[8pt] text-slate-600">{r.figures[k]}</dt>
            <dd
              data-figure={k}
              className={`text-[16pt] font-bold tabular-nums ${k === "positives" && report.positives ? "text-red-700" : ""}`}
            >
              {figure(report, k).toLocaleString(lang)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-2 gap-[6mm]">
        <div data-hours={JSON.stringify(report.volunteerHours)}>
          <BarList title={r.hoursByPost} bars={bars} format={r.hours} empty={r.none} />
        </div>
        <HourColumns title={r.testsByHour} counts={report.testedByHour} />
      </div>
      <div className="grid grid-cols-2 gap-[6mm]">
        <RequestTable report={report} lang={lang} />
        <RoundTable report={report} lang={lang} />
      </div>
      <CoverageAndSeals report={report} lang={lang} time={time} />
      <ReleaseTable report={report} lang={lang} />
      <BuildingTable report={report} lang={lang} />
      <footer className="mt-auto border-t border-slate-300 pt-[1mm] text-[7.5pt] text-slate-500">
        {r.generated(time(new Date().toISOString()))}
      </footer>
    </article>
  );
}
