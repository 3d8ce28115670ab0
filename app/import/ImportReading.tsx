// Why: before anything changes, the secretary sees which row is the header and how each column is read, and can correct it.

import { fieldKeys, IGNORE } from "../../server/domain/registry-import/columns";
import type { ImportKind, ImportSummary } from "../../server/domain/registry-import/types";
import type { IMPORT_READ } from "../_i18n/import-read";

type Dict = (typeof IMPORT_READ)["en"];
type Read = NonNullable<ImportSummary["read"]>;

/** The sheet, the header's line, and each column as the file names it → the field it is read as, or ignored. */
export function ImportReading({
  read,
  kind,
  t,
  onMap,
  onSheet,
}: {
  read: Read;
  kind: ImportKind;
  t: Dict;
  /** A column (as the file names it) read as `field`, or `ignore`. */
  onMap: (column: string, field: string) => void;
  onSheet: (sheet: string) => void;
}) {
  const fields = fieldKeys(kind);
  return (
    <div data-reading className="space-y-2">
      <h3 className="text-sm font-semibold">{t.title}</h3>
      <div className="flex flex-wrap items-center gap-4 text-sm text-slate-300">
        {read.sheet && read.sheet.names.length > 1 && (
          <label className="flex items-center gap-2">
            {t.sheet}
            <select
              name="sheet"
              value={String(read.sheet.index)}
              className="rounded bg-slate-800 px-2 py-1"
              onChange={(e) => onSheet(e.currentTarget.value)}
            >
              {read.sheet.names.map((n, i) => (
                <option key={n} value={String(i + 1)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <span data-header-line={read.header.line}>{t.headerAt(read.header.line)}</span>
      </div>
      <table className="w-full max-w-lg text-left text-sm">
        <thead className="text-slate-400">
          <tr>
            <th className="py-1">{t.column}</th>
            <th className="py-1">{t.readAs}</th>
          </tr>
        </thead>
        <tbody>
          {read.columns.map((c) => (
            <tr key={c.index} data-column={c.name} data-field={c.field ?? IGNORE} className="border-t border-slate-800">
              <td className="py-1 pr-4 font-medium">{c.name}</td>
              <td className="py-1">
                <select
                  aria-label={c.name}
                  value={c.field ?? IGNORE}
                  className={`rounded px-2 py-0.5 ${c.field ? "bg-slate-800 text-slate-100" : "bg-slate-900 text-slate-400 ring-1 ring-slate-700"}`}
                  onChange={(e) => onMap(c.name, e.currentTarget.value)}
                >
                  <option value={IGNORE}>{t.ignored}</option>
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {t.fields[f] ?? f}
                    </option>
                  ))}
                </select>
                {c.by === "mapping" && <span className="ml-2 text-xs text-amber-300">{t.chosen}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-400">{t.remembered}</p>
    </div>
  );
}
