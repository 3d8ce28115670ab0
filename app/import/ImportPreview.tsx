// Why: the preview a secretary checks before importing: counts, every bad row with its line and reason, and what changes.

import type { ImportKind, ImportSummary } from "../../server/domain/registry-import/types";
import type { Lang } from "../_i18n/dict";
import type { IMPORT } from "../_i18n/import";
import { IMPORT_READ } from "../_i18n/import-read";
import { errorText } from "../_i18n/reasons";
import { ImportReading } from "./ImportReading";

type Dict = (typeof IMPORT)["en"];

/** A registered or new value as the preview shows it: a list joined, none as a dash. */
const shown = (v: string | number | string[] | null, lang: Lang) =>
  v === null || (Array.isArray(v) && v.length === 0) ? "—" : Array.isArray(v) ? v.join(lang === "zh-CN" ? "、" : ", ") : String(v);

/** The summary of a dry run (or of the import itself): new, changed and unchanged, then the bad and changed rows. */
export function ImportPreview({
  summary,
  kind,
  skip,
  t,
  lang,
  onMap,
  onSheet,
}: {
  summary: ImportSummary;
  kind: ImportKind;
  skip: boolean;
  t: Dict;
  /** The screen's language: each bad row's reason is written in it. */
  lang: Lang;
  onMap: (column: string, field: string) => void;
  onSheet: (sheet: string) => void;
}) {
  const r = IMPORT_READ[lang];
  const rows = kind === "households" ? (["buildings", "households"] as const) : (["volunteers"] as const);
  return (
    <div className="space-y-4">
      {summary.file && <p className="text-sm text-slate-400">{t.fileAs(summary.file.format, summary.file.encoding, summary.file.rows)}</p>}
      {summary.read && <ImportReading read={summary.read} kind={kind} t={r} onMap={onMap} onSheet={onSheet} />}
      <table className="w-full max-w-md text-left tabular-nums">
        <thead className="text-sm text-slate-400">
          <tr>
            <th className="py-1">{t.columns.what}</th>
            <th className="py-1 text-right">{t.columns.new}</th>
            <th className="py-1 text-right">{t.columns.changed}</th>
            <th className="py-1 text-right">{t.columns.unchanged}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w} className="border-t border-slate-800">
              <th className="py-1 font-normal">{t.counted[w]}</th>
              {(["new", "changed", "unchanged"] as const).map((c) => (
                <td key={c} data-count={`${c}.${w}`} className="py-1 text-right text-lg font-semibold">
                  {summary[c][w]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {summary.errors.length > 0 ? (
        <div data-bad-rows={summary.errors.length} className="rounded bg-red-950/60 p-3 ring-1 ring-red-800">
          <p className="font-semibold text-red-200">{skip ? t.skipped(summary.errors.length) : t.badRows(summary.errors.length)}</p>
          <ul className="mt-2 max-h-72 space-y-1 overflow-auto text-sm">
            {summary.errors.map((e) => (
              <li key={`${e.line}:${e.message}`} data-bad-line={e.line}>
                <span className="mr-2 font-mono text-red-300">{t.line(e.line)}</span>
                {errorText(e, lang)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-emerald-300">{t.noBadRows}</p>
      )}
      {summary.skipped?.length > 0 && (
        <div data-skipped-totals={summary.skipped.length} className="rounded bg-slate-800/60 p-3 text-sm ring-1 ring-slate-700">
          <p className="font-semibold text-slate-200">{r.totals(summary.skipped.length)}</p>
          <ul className="mt-1 text-slate-400">
            {summary.skipped.map((k) => (
              <li key={k.line} data-skipped-line={k.line}>
                {r.totalLine(k.line, k.text)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary.changes.length > 0 && (
        <div>
          <p className="text-sm font-semibold">{t.changedRows}</p>
          <ul className="mt-1 max-h-48 space-y-1 overflow-auto text-sm text-slate-300">
            {summary.changes.map((c) => (
              <li key={c.id} data-changed-line={c.line}>
                <span className="mr-2 font-mono text-amber-300">{t.line(c.line)}</span>
                {c.diffs.map((d, i) => (
                  <span key={d.field} data-diff={d.field}>
                    {i > 0 && (lang === "zh-CN" ? "；" : "; ")}
                    <span className="text-slate-400">{t.fields[d.field] ?? r.fields[d.field] ?? d.field}</span>{" "}
                    <s className="text-slate-400">{shown(d.from, lang)}</s>
                    {" → "}
                    <span className="text-slate-100">{shown(d.to, lang)}</span>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
