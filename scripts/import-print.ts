// Why: the CLI's preview shows what the secretary's screen shows: counts, every bad row by line, and what changes.
import type { ImportKind, ImportSummary } from "../server/domain/registry-import/types";

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** The preview as lines of text: the file as read, a table of counts, every bad row, the changed rows. */
export function previewLines(file: string, community: string, kind: ImportKind, s: ImportSummary, skipBadRows: boolean): string[] {
  const how = s.file ? `${s.file.format}${s.file.encoding ? `, ${s.file.encoding}` : ""}, ${s.file.rows} rows` : "unreadable";
  const lines = [
    `${file} (${how}) → ${kind} of community ${community}`,
    "",
    `${"".padEnd(12)}${pad("new", 6)}${pad("changed", 9)}${pad("unchanged", 11)}`,
  ];
  if (s.read) {
    const sheet = s.read.sheet ? `sheet ${s.read.sheet.index} "${s.read.sheet.name}", ` : "";
    lines.splice(1, 0, `  ${sheet}header on line ${s.read.header.line}:`);
    for (const c of s.read.columns) lines.splice(-2, 0, `    ${c.name} → ${c.field ?? "ignored"}${c.by === "mapping" ? " (mapping)" : ""}`);
  }
  const what = kind === "households" ? (["buildings", "households"] as const) : (["volunteers"] as const);
  for (const w of what) lines.push(`${w.padEnd(12)}${pad(s.new[w], 6)}${pad(s.changed[w], 9)}${pad(s.unchanged[w], 11)}`);
  if (s.errors.length > 0) {
    lines.push("", `Bad rows (${s.errors.length})${skipBadRows ? ", skipped:" : ":"}`);
    for (const e of s.errors) lines.push(`  line ${e.line}: ${e.message}`);
  }
  if (s.skipped?.length) {
    lines.push("", `Totals rows skipped (${s.skipped.length}):`);
    for (const k of s.skipped) lines.push(`  line ${k.line}: ${k.text}`);
  }
  if (s.changes.length > 0) {
    lines.push("", "Changed rows:");
    for (const c of s.changes) lines.push(`  line ${c.line}: ${c.id} (${c.fields.join(", ")})`);
  }
  return lines;
}

/** "3 new buildings, 12 new households and 2 changed households": what an import will record. */
export function describeChanges(s: ImportSummary): string {
  const parts: string[] = [];
  for (const w of ["buildings", "households", "volunteers"] as const) {
    const noun = (n: number) => (n === 1 ? w.slice(0, -1) : w);
    if (s.new[w]) parts.push(`${s.new[w]} new ${noun(s.new[w])}`);
    if (s.changed[w]) parts.push(`${s.changed[w]} changed ${noun(s.changed[w])}`);
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "nothing");
}

export const somethingToImport = (s: ImportSummary) =>
  Object.values(s.new).some((n) => n > 0) || Object.values(s.changed).some((n) => n > 0);
