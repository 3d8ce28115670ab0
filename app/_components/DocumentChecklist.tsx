// Why: the secretary decides on the evidence: each document named as received or missing, the report's sampling time, its age now and its 48-hour moment.

import type { DICTS } from "../_i18n/dict";
import { EVIDENCE } from "../_i18n/evidence";
import { langOf } from "../_i18n/posts";
import { fmtHours } from "./wall-format";

/** The release rule's window for a test report (contract section 3), counted from its sampling time. */
const REPORT_VALID_MS = 48 * 3600_000;

type Dict = (typeof DICTS)["en"];

/** The letter and the report of a request, live against `now`; `testReportAt` is the sampling time the rule counts from. */
export function DocumentChecklist({
  documents,
  now,
  locale,
  t,
}: {
  documents: { commitmentLetter: boolean; testReportAt: string | null };
  now: number;
  locale: string;
  t: Dict;
}) {
  const w = EVIDENCE[langOf(t)];
  const when = (ms: number) =>
    new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(ms);
  const sampled = documents.testReportAt ? Date.parse(documents.testReportAt) : null;
  const expires = sampled === null ? null : sampled + REPORT_VALID_MS;
  const missing = <span className="font-semibold text-amber-300">{w.missing}</span>;
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-sm text-slate-300">
      <li data-doc="commitment_letter" data-doc-state={documents.commitmentLetter ? "present" : "missing"}>
        {w.letter}: {documents.commitmentLetter ? <span className="text-emerald-300">{w.present}</span> : missing}
      </li>
      <li data-doc="test_report" data-doc-state={sampled === null ? "missing" : expires !== null && now >= expires ? "expired" : "present"}>
        {w.report}:{" "}
        {sampled === null || expires === null ? (
          missing
        ) : (
          <>
            <span data-report-sampled={documents.testReportAt} className="whitespace-nowrap">
              {w.sampled(when(sampled))}
            </span>{" "}
            ·{" "}
            <span data-report-age className="whitespace-nowrap">
              {w.old(fmtHours(now - sampled, locale))}
            </span>{" "}
            ·{" "}
            <span
              data-report-expires={new Date(expires).toISOString()}
              className={now >= expires ? "font-semibold text-red-300" : "text-slate-300"}
            >
              {now >= expires ? w.over48(when(expires)) : w.turns48(when(expires), fmtHours(expires - now, locale))}
            </span>
          </>
        )}
      </li>
    </ul>
  );
}
