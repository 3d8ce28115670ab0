// Why: IMP8–IMP10 read files as committees make them (title rows, merged cells, 单元, full-width digits, totals, GBK); each file carries what must come out.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

/** A household as the registry must hold it after the import. */
export type WantHousehold = {
  building: string;
  entrance: string;
  room: string;
  unit: string;
  residents: number;
  contact: { name?: string; phone?: string; otherPhones?: string[] } | null;
};

export type CorpusFile = {
  name: string;
  kind: "households" | "volunteers";
  bytes: Uint8Array;
  type: string;
  /** The header's line, the lines of bad rows and of skipped totals. */
  header: number;
  bad: number[];
  skipped: number[];
  households?: WantHousehold[];
  volunteers?: { name: string; phone: string; building: string; skills: string[] }[];
};

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEAD = ["序号", "楼号", "单元", "室号", "户主姓名", "联系电话", "人数", "备注"];

/** The committee's households: two old buildings without 单元, two new ones with 单元 1 and 2 (room 101 under each). */
function householdRows(): { cells: (string | number)[]; want: WantHousehold | null }[] {
  const out: { cells: (string | number)[]; want: WantHousehold | null }[] = [];
  const add = (b: string, e: string, room: string, name: string, phone: string, people: string, want: Partial<WantHousehold> = {}) => {
    const roomAscii = room.normalize("NFKC");
    const w: WantHousehold = {
      building: b,
      entrance: e,
      room: roomAscii,
      unit: e ? `${e}-${roomAscii}` : roomAscii,
      residents: Number(people.normalize("NFKC").replace(/\D/g, "")),
      contact: name || phone ? { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } : null,
      ...want,
    };
    out.push({ cells: [out.length + 1, b, e, room, name, phone, people, ""], want: w });
  };
  for (const b of ["1号楼", "2号楼"])
    for (const room of ["101", "102", "201"]) add(b, "", room, `户主${b}${room}`, `138${String(out.length).padStart(8, "0")}`, "2");
  for (const b of ["3号楼", "4号楼"])
    for (const e of ["1", "2"])
      for (const room of ["101", "102"]) add(b, e, room, `户主${b}${e}${room}`, `139${String(out.length).padStart(8, "0")}`, "3");
  add("1号楼", "", "１０４", "全角室号", "13700000001", "３");
  add("2号楼", "", "104", "三人户", "13700000002", "3人");
  add("2号楼", "", "105", "三口户", "13700000003", "3 口");
  add("3号楼", "1", "201", "两个电话", "13700000004/13900000005", "2", {
    contact: { name: "两个电话", phone: "13700000004", otherPhones: ["13900000005"] },
  });
  add("3号楼", "2", "201", "没电话", "", "1");
  add("4号楼", "1", "201", "", "", "0");
  add("4号楼", "2", "201", "空房东", "13700000006", "空置", { residents: 0 });
  return out;
}

/** The households workbook: a merged title, a blank row, the header on line 3, a duplicate and a 合计 row with a formula. */
export async function committeeHouseholds(): Promise<CorpusFile> {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet("说明");
  notes.addRow(["填表说明：每户一行"]);
  const sheet = book.addWorksheet("住户");
  sheet.addRow(["幸福里社区居委会 住户信息登记表"]);
  sheet.mergeCells("A1:H1");
  sheet.addRow([]);
  sheet.addRow(HEAD);
  const rows = householdRows();
  for (const r of rows) sheet.addRow(r.cells);
  const first = rows[0]?.cells as (string | number)[];
  sheet.addRow([rows.length + 1, ...first.slice(1)]); // the duplicate of line 4
  const last = 3 + rows.length + 1;
  sheet.addRow(["合计", "", "", "", "", "", { formula: `SUM(G4:G${last})`, result: 60 }, ""]);
  return {
    name: "住户登记表.xlsx",
    kind: "households",
    bytes: new Uint8Array(await book.xlsx.writeBuffer()),
    type: XLSX,
    header: 3,
    bad: [last],
    skipped: [last + 1],
    households: rows.map((r) => r.want as WantHousehold),
  };
}

/** The same households as WPS saves "CSV (逗号分隔)": GBK, CRLF, a title line of commas, the header on line 2. */
export function committeeHouseholdsGbk(): CorpusFile {
  const rows = householdRows();
  const lines = ["幸福里小区住户登记表,,,,,,,", HEAD.join(","), ...rows.map((r) => r.cells.join(",")), "合计,,,,,,60,"];
  return {
    name: "住户登记表.csv",
    kind: "households",
    bytes: new Uint8Array(iconv.encode(`${lines.join("\r\n")}\r\n`, "gbk")),
    type: "text/csv",
    header: 2,
    bad: [],
    skipped: [lines.length],
    households: rows.map((r) => r.want as WantHousehold),
  };
}

const SKILLS = ["采样", "扫码", "门岗", "配送"];

/** The volunteers' list: a title row, then 序号|姓名|性别|手机号码|所住楼号|技能; `phoneHeader` renames the phone column. */
export async function committeeVolunteers(n = 60, phoneHeader = "手机号码"): Promise<CorpusFile> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("志愿者");
  sheet.addRow(["幸福里社区志愿者名单"]);
  sheet.mergeCells("A1:F1");
  sheet.addRow(["序号", "姓名", "性别", phoneHeader, "所住楼号", "技能"]);
  const volunteers = Array.from({ length: n }, (_, i) => ({
    name: `志愿者${String(i + 1).padStart(2, "0")}`,
    phone: `136${String(i).padStart(8, "0")}`,
    building: `${(i % 4) + 1}号楼`,
    skills: [SKILLS[i % 4] as string],
  }));
  volunteers.forEach((v, i) => {
    sheet.addRow([i + 1, v.name, i % 2 ? "女" : "男", v.phone, v.building, v.skills.join("、")]);
  });
  return {
    name: "志愿者名单.xlsx",
    kind: "volunteers",
    bytes: new Uint8Array(await book.xlsx.writeBuffer()),
    type: XLSX,
    header: 2,
    bad: [],
    skipped: [],
    volunteers,
  };
}
