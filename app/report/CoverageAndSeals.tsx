// Why: what the street office asks first: how much of the round is done, and which buildings are sealed.
import type { DailyReport } from "../../server/protocol/daily-report";
import type { Lang } from "../_i18n/dict";
import { REPORT } from "../_i18n/report";
import { Section } from "./ReportTables";

export function CoverageAndSeals({ report, lang, time }: { report: DailyReport; lang: Lang; time: (iso: string) => string }) {
  const r = REPORT[lang];
  const c = report.coverage;
  const sealed = report.sealed ?? [];
  const n = (x: number) => x.toLocaleString(lang);
  return (
    <div className="grid grid-cols-2 gap-[6mm]">
      <Section title={r.coverage}>
        <p data-coverage={c ? `${c.tested}/${c.toTest}` : ""} className="text-[9pt]">
          {c ? r.coverageText(c.label ?? c.roundId, n(c.tested), n(c.toTest)) : r.none}
        </p>
      </Section>
      <Section title={`${r.sealedNow} (${sealed.length})`}>
        {sealed.length === 0 ? (
          <p className="text-[9pt] text-slate-500">{r.none}</p>
        ) : (
          <ul className="text-[9pt]">
            {sealed.map((b) => (
              <li key={b.buildingId} data-sealed-building={b.buildingId}>
                {b.label}
                {b.since ? ` · ${r.sealedSince(time(b.since))}` : ""}
                {b.reason ? ` · ${b.reason}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
