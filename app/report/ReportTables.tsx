// The report's tables: requests by kind, the releases with their basis, rounds, and tests by building.
import type { ReactNode } from "react";
import { REQUEST_KINDS } from "../../drizzle/schema/constants";
import type { DailyReport } from "../../server/protocol/daily-report";
import { DICTS, type Lang } from "../_i18n/dict";
import { REPORT } from "../_i18n/report";

const CELL = "border-b border-slate-300 px-1 py-[1px] text-left";
const NUM = `${CELL} text-right tabular-nums`;

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid">
      <h2 className="mb-1 text-[10pt] font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function RequestTable({ report, lang }: { report: DailyReport; lang: Lang }) {
  const r = REPORT[lang];
  const q = report.requests;
  return (
    <Section title={r.requests}>
      <table className="w-full border-collapse text-[9pt]">
        <tbody>
          {REQUEST_KINDS.map((k) => (
            <tr key={k} data-opened={k}>
              <th className={CELL}>{DICTS[lang].wall.requestKind[k]}</th>
              <td className={NUM}>{q.opened[k]}</td>
            </tr>
          ))}
          <tr className="border-t-2 border-slate-500">
            <th className={CELL}>{r.approved}</th>
            <td className={NUM} data-figure="approved">
              {q.decided.approved}
            </td>
          </tr>
          <tr>
            <th className={CELL}>{r.rejected}</th>
            <td className={NUM} data-figure="rejected">
              {q.decided.rejected}
            </td>
          </tr>
          <tr>
            <th className={CELL}>{r.median}</th>
            <td className={NUM} data-figure="median">
              {r.minutes(q.medianMinutesToDecision)}
            </td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}

export function ReleaseTable({ report, lang }: { report: DailyReport; lang: Lang }) {
  const r = REPORT[lang];
  return (
    <Section title={`${r.releases} (${report.releases.length})`}>
      {report.releases.length === 0 ? (
        <p className="text-[9pt] text-slate-500">{r.none}</p>
      ) : (
        <table className="w-full border-collapse text-[9pt]">
          <thead>
            <tr>
              <th className={CELL}>{r.request}</th>
              <th className={CELL}>{r.kind}</th>
              <th className={CELL}>{r.basis}</th>
              <th className={CELL}>{r.reason}</th>
            </tr>
          </thead>
          <tbody>
            {report.releases.map((x) => (
              <tr key={x.requestId} data-release={x.requestId} data-basis={x.basis ?? ""}>
                <td className={CELL}>{x.requestId}</td>
                <td className={CELL}>{DICTS[lang].wall.requestKind[x.kind as "leave"] ?? x.kind}</td>
                <td className={CELL}>{x.basis ? r.basisName[x.basis] : "—"}</td>
                <td className={CELL}>{x.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function RoundTable({ report, lang }: { report: DailyReport; lang: Lang }) {
  const r = REPORT[lang];
  return (
    <Section title={r.rounds}>
      {report.rounds.length === 0 ? (
        <p className="text-[9pt] text-slate-500">{r.none}</p>
      ) : (
        <table className="w-full border-collapse text-[9pt]">
          <tbody>
            {report.rounds.map((x) => (
              <tr key={x.roundId} data-round={x.roundId}>
                <th className={CELL}>
                  {x.roundId} · {x.kind.toUpperCase()}
                </th>
                <td className={NUM}>{x.tested}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** Buildings in three columns, so a compound of forty still fits the page. */
export function BuildingTable({ report, lang }: { report: DailyReport; lang: Lang }) {
  const r = REPORT[lang];
  return (
    <Section title={r.buildings}>
      {report.buildings.length === 0 ? (
        <p className="text-[9pt] text-slate-500">{r.none}</p>
      ) : (
        <div className="columns-3 gap-4 text-[9pt]">
          <div className="flex justify-between border-b border-slate-400 px-1 font-semibold">
            <span>{r.building}</span>
            <span>
              {r.tested} / {r.positive}
            </span>
          </div>
          {report.buildings.map((b) => (
            <div
              key={b.buildingId}
              data-building={b.buildingId}
              data-tested={b.tested}
              data-positives={b.positives}
              className="flex break-inside-avoid justify-between border-b border-slate-300 px-1"
            >
              <span>{b.label}</span>
              <span className={`tabular-nums ${b.positives ? "font-semibold text-red-700" : ""}`}>
                {b.tested} / {b.positives}
              </span>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
