// Why: BOMB5–BOMB7 on the pure reader: a workbook streamed reads as ExcelJS reads it whole, and every bound refuses at once.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../../server/domain/registry-import/columns";
import { FileTooLargeError, LIMITS, MAX_IMPORT_ROWS } from "../../server/domain/registry-import/limits";
import { readCells } from "../../server/domain/registry-import/read-cells";
import { readGrid } from "../../server/domain/registry-import/table";
import { Budget, unpack, zipEntries } from "../../server/domain/registry-import/zip";
import { MiB, SHEET_HEAD, SHEET_TAIL, workbook, zip } from "../support/import-bombs";

const MB = (n: number) => n * MiB;
const fits = () => true;

/** What the reader refuses `bytes` with: its class, reason and params. */
async function refusal(bytes: Uint8Array) {
  try {
    await readCells(bytes, fits);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    return { tooLarge: err instanceof FileTooLargeError, reason: err.reason, params: err.params };
  }
  throw new Error("the file was read");
}

/** Each sheet's rows as ExcelJS gives them after loading the whole workbook: how files were read before the bounds. */
async function excelJsSheets(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const lines: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        cells[col - 1] = v === null || v === undefined ? "" : typeof v === "object" && "error" in v ? String(v.error) : cell.text;
      });
      lines.push({ line, cells: Array.from(cells, (c) => c ?? "") });
    });
    return { name: sheet.name, lines: trimmed(lines.filter((l) => l.cells.some((c) => c.trim() !== ""))) };
  });
}

const trimmed = (lines: { line: number; cells: string[] }[]) =>
  lines.map((l) => {
    const cells = [...l.cells];
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return { line: l.line, cells };
  });

describe("BOMB: the reader within bounds", () => {
  it("BOMB5 a workbook read as a stream gives ExcelJS's rows, sheet by sheet: shared and rich strings, numbers, booleans, formulas, errors, merged ranges", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("空白");
    const s = book.addWorksheet("住户 登记");
    s.addRow(["某某小区住户登记表"]);
    s.mergeCells("A1:E1");
    s.addRow([]);
    s.addRow(["楼栋", "室号", "人数", "联系人", "电话"]);
    s.addRow(["1号楼", 101, 3, " 张伟 ", 13800138000]);
    s.addRow([null, 102, 2.5, { richText: [{ text: "李" }, { font: { bold: true }, text: "娜" }] }, "13700137000"]);
    s.addRow([null, "103", { formula: "1+2", result: 3 }, { text: "王芳", hyperlink: "http://example.com" }, true]);
    s.addRow(["2号楼", 201, { formula: "A1", result: "str" }, false, { error: "#N/A" }]);
    s.mergeCells("A4:A6");
    s.getCell("H9").value = "far";
    s.getCell("B10").value = 1e21;
    s.getCell("C10").value = 0.1 + 0.2;
    s.getCell("D10").value = 'a & <b> "c"';
    book.addWorksheet("志愿者").addRows([
      ["姓名", "电话"],
      ["郑洁", "13900000001"],
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const read = await readCells(bytes, fits);
    expect(read.sheets.map((sheet) => ({ name: sheet.name, lines: trimmed(sheet.lines) }))).toEqual(await excelJsSheets(bytes));
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(["空白", "住户 登记", "志愿者"]);
    expect(read.sheets[1]?.lines.map((l) => l.cells[0])).toEqual([
      "某某小区住户登记表",
      "楼栋",
      "1号楼",
      "1号楼",
      "1号楼",
      "2号楼",
      "",
      "",
    ]);
  });

  it("BOMB6 a CSV past a bound is refused (413) as soon as it is passed: rows, columns, cells, a cell's length, a record's", async () => {
    const head = "building,unit,residents\n";
    expect(await refusal(Buffer.from(head + "1,2,3\n".repeat(1_750_000)))).toEqual({
      tooLarge: true,
      reason: "file_too_many_rows",
      params: { max: MAX_IMPORT_ROWS },
    });
    expect(await refusal(Buffer.from(`${head}1,2,${"3,".repeat(100_000)}\n`))).toMatchObject({
      reason: "file_too_many_columns",
      params: { line: 2 },
    });
    expect(await refusal(Buffer.from(head + `${"1,".repeat(999)}1\n`.repeat(1_100)))).toMatchObject({ reason: "file_too_many_cells" });
    expect(await refusal(Buffer.from(`${head}1,${"x".repeat(40_000)},3\n`))).toMatchObject({
      reason: "file_cell_too_large",
      params: { line: 2 },
    });
    expect(await refusal(Buffer.from(`${head}1,"${"x".repeat(MB(2))}\n`))).toMatchObject({ tooLarge: true, reason: "file_row_too_large" });
    // Within the bounds: 20,000 rows below a title and a header; blank cells past the last column dropped.
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `1号楼,${i},3`);
    const grid = await readGrid(Buffer.from(`小区登记表\n${head}${rows.join("\n")}\n`), (cells) => cells.includes("楼栋"));
    // The title, the header and the 20,000 rows.
    expect(grid.sheets[0]?.lines.length).toBe(MAX_IMPORT_ROWS + 2);
    const wide = await readCells(Buffer.from(`${head}1,2,3${",".repeat(2_000)}\n`), fits);
    expect(wide.sheets[0]?.lines[1]?.cells.length).toBe(LIMITS.columns);
  }, 120_000);

  it("BOMB7 a workbook past a bound is refused before it is unpacked or parsed: sizes declared or not, text, depth, a DTD", async () => {
    const sheet = (body: string, times: number, tail = SHEET_TAIL) => ({ head: SHEET_HEAD, body, times, tail });
    const row = "<row><c><v>1</v></c></row>";
    expect(await refusal(await workbook(sheet(row, MB(40) / row.length)))).toEqual({
      tooLarge: true,
      reason: "xlsx_too_large",
      params: { mib: 32 },
    });
    // A part whose declared size lies is unpacked only up to the cap, whatever it says.
    const lying = await zip([{ name: "x.xml", pieces: [{ text: "<a/>", times: MB(40) / 4 }] }], true);
    const entry = zipEntries(lying).get("x.xml");
    expect(entry?.size).toBeLessThan(MiB);
    let unpacked = 0;
    const drain = async () => {
      for await (const chunk of unpack(lying, entry as NonNullable<typeof entry>, new Budget())) unpacked += chunk.length;
    };
    await expect(drain()).rejects.toMatchObject({ reason: "xlsx_too_large" });
    expect(unpacked).toBeLessThanOrEqual(LIMITS.partBytes);
    expect(await refusal(await workbook(sheet("<row><c/></row>", 1_100_000), true))).toMatchObject({ reason: "file_too_many_rows" });
    expect(await refusal(await workbook(sheet("x", MB(50), `</t></is></c></row>${SHEET_TAIL}`), true))).toMatchObject({
      tooLarge: true,
      reason: "xlsx_text_too_long",
    });
    expect(await refusal(await workbook(sheet("<a>", 100_000, "")))).toMatchObject({
      tooLarge: false,
      reason: "xlsx_unreadable",
      params: { detail: `XML nested more than ${LIMITS.xmlDepth} deep` },
    });
    const dtd = await workbook({
      head: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet>',
      body: "",
      times: 0,
      tail: "</worksheet>",
    });
    expect(await refusal(dtd)).toMatchObject({
      tooLarge: false,
      reason: "xlsx_unreadable",
      params: { detail: "a DTD inside the workbook" },
    });
    expect(await refusal(Buffer.from("PK\u0003\u0004 not a zip"))).toMatchObject({ tooLarge: false, reason: "xlsx_unreadable" });
  }, 120_000);
});
