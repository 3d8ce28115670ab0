// Why: a workbook is read part by part from its zip (the workbook's sheet list, shared strings, then sheets in order), each part streamed under the bounds.
import { ImportFileError } from "./columns";
import { Grid, type Sheet } from "./grid";
import { FileTooLargeError, LIMITS } from "./limits";
import { sheetReader } from "./sheet";
import { readXml } from "./xml";
import { Budget, unpack, type ZipEntry, zipEntries } from "./zip";

const unreadable = (detail: string) => new ImportFileError(1, "xlsx_unreadable", { detail });
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** The path a relationship of xl/workbook.xml points to, from the zip's root. */
function resolve(target: string): string {
  const parts: string[] = [];
  for (const p of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/"))
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  return parts.join("/");
}

/** The workbook's sheets in their order (name and relationship id) and its relationships (id → type and path). */
async function workbook(read: (entry: ZipEntry) => AsyncGenerator<Buffer>, entries: Map<string, ZipEntry>) {
  const book = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (!book || !rels) throw unreadable("it has no xl/workbook.xml");
  const sheets: { name: string; id: string }[] = [];
  await readXml(read(book), {
    open(name, a) {
      if (name !== "sheet") return;
      if (sheets.length >= LIMITS.sheets) throw unreadable(`more than ${LIMITS.sheets} sheets`);
      const id = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
      sheets.push({ name: a.name ?? "", id });
    },
    close() {},
    text() {},
  });
  const links = new Map<string, { type: string; path: string }>();
  await readXml(read(rels), {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target) return;
      if (links.size >= LIMITS.zipEntries) throw unreadable(`more than ${LIMITS.zipEntries} relationships`);
      links.set(a.Id, { type: (a.Type ?? "").replace(REL, ""), path: resolve(a.Target) });
    },
    close() {},
    text() {},
  });
  return { sheets, links };
}

/** The shared strings table: each `<si>`'s text, its runs joined, phonetic guides left out. */
async function sharedStrings(entry: ZipEntry | undefined, read: (entry: ZipEntry) => AsyncGenerator<Buffer>): Promise<string[]> {
  const list: string[] = [];
  if (!entry) return list;
  let text: string | null = null;
  let inText = false;
  let phonetic = false;
  await readXml(read(entry), {
    open(name) {
      if (name === "si") text = "";
      else if (name === "t" && !phonetic) inText = true;
      else if (name === "rPh") phonetic = true;
    },
    text(t) {
      if (inText && text !== null) text += t;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic = false;
      else if (name === "si" && text !== null) {
        if (list.length >= LIMITS.sharedStrings) throw new FileTooLargeError(1, "file_too_many_cells", { max: LIMITS.cells });
        list.push(text);
        text = null;
      }
    },
  });
  return list;
}

/**
 * Reads every worksheet of an .xlsx into its non-blank rows, with its name, in the workbook's order (a cell's
 * text as ExcelJS gives it: numbers, booleans, shared and rich strings, formula results, merged ranges filled).
 * Never unpacks more than LIMITS allow; the sheets share the bound on cells.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const entries = zipEntries(bytes);
  const budget = new Budget();
  const read = (entry: ZipEntry) => unpack(bytes, entry, budget);
  const { sheets, links } = await workbook(read, entries);
  const sharedPath = [...links.values()].find((l) => l.type === "sharedStrings")?.path ?? "xl/sharedStrings.xml";
  const shared = await sharedStrings(entries.get(sharedPath), read);
  const kept = { cells: 0 };
  const out: Sheet[] = [];
  for (const sheet of sheets) {
    const link = links.get(sheet.id);
    const entry = link && link.type === "worksheet" ? entries.get(link.path) : undefined;
    if (!entry) continue;
    const grid = new Grid(kept);
    const reader = sheetReader(shared, grid);
    await readXml(read(entry), reader.handlers);
    grid.fill(reader.merges);
    out.push({ name: sheet.name, lines: grid.lines });
  }
  return out;
}
