// The report's tables: requests by kind, the releases with their basis, rounds, and tests by building.
import type { ReactNode } from "react";
import type { DailyReport } from "../../server/protocol/daily-report";
import { REQUEST_KINDS } from "../../server/protocol/vocabularies";
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
                  {x.label ?? x.roundId} · {x.kind.toUpperCase()}
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

/** Buildings a row; the header's three groups below match it. */
const PER_ROW = 3;

/**
 * Buildings three to a row, so a compound of forty still fits the page: a real table whose header names each
 * cell of a row (building, tested, positive, three times), so every figure stands under its own heading.
 */
export function BuildingTable({ report, lang }: { report: DailyReport; lang: Lang }) {
  const r = REPORT[lang];
  const rows: DailyReport["buildings"][] = [];
  for (let i = 0; i < report.buildings.length; i += PER_ROW) rows.push(report.buildings.slice(i, i + PER_ROW));
  return (
    <Section title={r.buildings}>
      {report.buildings.length === 0 ? (
        <p className="text-[9pt] text-slate-500">{r.none}</p>
      ) : (
        <table data-building-table className="w-full table-fixed border-collapse text-[9pt]">
          <thead>
            <tr>
              {["first", "second", "third"].map((k) => (
                <BuildingHead key={k} r={r} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]?.buildingId}>
                {row.map((b) => (
                  <BuildingCells key={b.buildingId} b={b} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function BuildingHead({ r }: { r: (typeof REPORT)[Lang] }) {
  return (
    <>
      <th className={`${CELL} border-slate-400`}>{r.building}</th>
      <th className={`${NUM} border-slate-400`}>{r.tested}</th>
      <th className={`${NUM} border-slate-400`}>{r.positive}</th>
    </>
  );
}

function BuildingCells({ b }: { b: DailyReport["buildings"][number] }) {
  return (
    <>
      <td className={CELL} data-building={b.buildingId} data-tested={b.tested} data-positives={b.positives}>
        {b.label}
      </td>
      <td className={NUM} data-col="tested">
        {b.tested}
      </td>
      <td className={`${NUM} ${b.positives ? "font-semibold text-red-700" : ""}`} data-col="positives">
        {b.positives}
      </td>
    </>
  );
}
