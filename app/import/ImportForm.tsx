// Why: the choices of an import: the file, what it lists, the community it goes into, and whether bad rows are skipped.

import { IMPORT_KINDS, type ImportKind } from "../../server/domain/registry-import/types";
import type { IMPORT } from "../_i18n/import";

type Dict = (typeof IMPORT)["en"];
/** `mapping`: the secretary's reading of this file's columns; `sheet`: the workbook's sheet picked (from 1), or "". */
export type Choices = {
  file: File | null;
  kind: ImportKind;
  community: string;
  skip: boolean;
  mapping: Record<string, string>;
  sheet: string;
};

/** The import's inputs; every change is handed up at once, and the screen previews again. */
export function ImportForm({
  value,
  onChange,
  t,
  showCommunity = true,
}: {
  value: Choices;
  onChange: (c: Choices) => void;
  t: Dict;
  /** The compound's id, editable: the operator's (several compounds); hidden from a compound's own secretary. */
  showCommunity?: boolean;
}) {
  const field = "flex flex-col gap-1 text-sm";
  const input = "rounded bg-slate-800 px-2 py-1 text-base";
  return (
    <form className="grid gap-4 md:grid-cols-2" onSubmit={(e) => e.preventDefault()} aria-label={t.title}>
      <label className={field}>
        {t.file}
        <input
          type="file"
          name="file"
          accept=".csv,.txt,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={input}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0] ?? null;
            const kind = file && /volunteer|志愿/i.test(file.name) ? "volunteers" : value.kind;
            onChange({ ...value, file, kind, mapping: {}, sheet: "" });
          }}
        />
      </label>
      <label className={field}>
        {t.kind}
        <select
          name="kind"
          value={value.kind}
          className={input}
          onChange={(e) => onChange({ ...value, kind: e.currentTarget.value as ImportKind, mapping: {} })}
        >
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      {showCommunity && (
        <label className={field}>
          {t.community}
          <input
            name="community"
            value={value.community}
            pattern="[A-Za-z0-9_.\-]{1,64}"
            className={input}
            onChange={(e) => onChange({ ...value, community: e.currentTarget.value.trim() })}
          />
        </label>
      )}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="skipBadRows"
          checked={value.skip}
          className="mt-1"
          onChange={(e) => onChange({ ...value, skip: e.currentTarget.checked })}
        />
        <span>
          {t.skip}
          <span className="block text-slate-400">{t.skipHint}</span>
        </span>
      </label>
    </form>
  );
}
