// Why: IMP1–IMP3 on the pure core: files of every kind a committee has become the same rows, ids and diff.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../../server/domain/registry-import/columns";
import { buildingId, householdId, volunteerId } from "../../server/domain/registry-import/ids";
import type { Registry } from "../../server/domain/registry-import/plan";
import { planImport, readRegistryFile } from "../../server/domain/registry-import/read-file";
import { splitSkills } from "../../server/domain/registry-import/rows";
import { Id } from "../../server/protocol/events";

const HEAD = "楼栋,室号,人数,联系人,联系电话";
const BODY = ["1号楼,101,3,张伟,13800138000", "1号楼,102,2,李娜,13700137000", "2号楼,201,1,王芳,13600136000"];
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;
const empty = (): Registry => ({ buildings: new Map(), households: new Map(), volunteers: new Map() });

async function plan(bytes: Uint8Array | string, kind: "households" | "volunteers" = "households", reg = empty()) {
  const file = await readRegistryFile(typeof bytes === "string" ? Buffer.from(bytes) : bytes, kind);
  return { file, ...planImport("c1", file, reg) };
}

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("登记表");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("IMP: reading a committee's registry file", () => {
  it("IMP1 UTF-8 with and without BOM, GBK, UTF-16 text and .xlsx with English headers give the same rows and ids", async () => {
    const text = csv(HEAD, ...BODY);
    const utf8 = await plan(text);
    expect(utf8.summary).toMatchObject({
      new: { buildings: 2, households: 3 },
      errors: [],
      file: { format: "csv", encoding: "utf-8", rows: 3 },
    });
    const withBom = await plan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const gbk = await plan(iconv.encode(text.replace(/\n/g, "\r\n"), "gbk"));
    const utf16 = await plan(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace(/,/g, "\t"), "utf-16le")]));
    const book = await plan(
      await xlsx([
        ["Building", "UNIT", "residents", "Name", "phone"],
        ...BODY.map((l) => l.split(",").map((c, i) => (i === 2 ? Number(c) : c))),
      ]),
    );
    expect(gbk.summary.file).toEqual({ format: "csv", encoding: "gb18030", rows: 3 });
    expect(utf16.summary.file?.encoding).toBe("utf-16le");
    expect(book.summary.file).toEqual({ format: "xlsx", encoding: null, rows: 3 });
    for (const other of [withBom, gbk, utf16, book]) {
      expect(other.events).toEqual(utf8.events);
      expect(other.summary.errors).toEqual([]);
    }
    expect(utf8.events.map((e) => e.type)).toEqual([
      "building.registered",
      "household.registered",
      "household.registered",
      "building.registered",
      "household.registered",
    ]);
    expect(utf8.events[1]?.payload).toEqual({
      householdId: householdId("1号楼", "101"),
      buildingId: buildingId("1号楼"),
      unit: "101",
      residents: 3,
      contact: { name: "张伟", phone: "13800138000" },
    });
  });

  it("IMP1 a short GBK file that chardet takes for Greek or Big5 is still read as GBK, because its header then names the columns", async () => {
    const vol = await plan(iconv.encode("姓名,电话\r\n郑洁,13900000001\r\n", "gbk"), "volunteers");
    expect(vol.summary.file?.encoding).toBe("gb18030");
    expect(vol.events[0]?.payload).toMatchObject({ name: "郑洁", phone: "13900000001" });
    const hh = await plan(iconv.encode("楼号,房号,人数\r\n3号楼,301,2\r\n", "gbk"));
    expect(hh.events[0]?.payload).toEqual({ buildingId: buildingId("3号楼"), label: "3号楼" });
  });

  it("IMP1 every header the contract lists is found, in either language; the samples in docs/samples read cleanly", async () => {
    for (const [b, u, n, name, phone] of [
      ["楼号", "房号", "人数", "户主", "电话"],
      ["楼栋", "门牌", "人数", "姓名", "手机"],
      [" building ", "Unit", "RESIDENTS", "ｎａｍｅ", "Phone"],
    ])
      expect((await plan(csv(`${b},${u},${n},${name},${phone}`, "1号楼,101,3,张伟,13800138000"))).summary.new.households).toBe(1);
    for (const [name, phone, skills] of [
      ["姓名", "电话", "技能"],
      ["姓名", "手机", "技能"],
      ["name", "联系电话", "skills"],
    ])
      expect((await plan(csv(`${name},${phone},${skills}`, "郑洁,13900000001,采样"), "volunteers")).summary.new.volunteers).toBe(1);
    for (const [f, kind, n] of [
      ["households.csv", "households", 12],
      ["households-gbk.csv", "households", 12],
      ["households.xlsx", "households", 12],
      ["volunteers.csv", "volunteers", 5],
    ] as const) {
      const r = await plan(readFileSync(`docs/samples/${f}`), kind);
      expect(r.summary.errors, f).toEqual([]);
      expect(r.summary.new[kind], f).toBe(n);
    }
  });

  it("IMP1 ids are derived from the rows: stable, of the contract's Id pattern, distinct per row; a volunteer's id shows no name", () => {
    const ids = [
      buildingId("1号楼"),
      buildingId("Block A"),
      householdId("1号楼", "101"),
      householdId("1号楼", "102"),
      volunteerId("郑洁", "13900000001"),
    ];
    for (const id of ids) expect(Id.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buildingId("1号楼")).toBe(buildingId(" １号楼 "));
    expect(buildingId("Block A")).toMatch(/^b-block-a-[0-9a-f]{12}$/);
    expect(householdId("1号楼", "101")).toMatch(/^h-1-101-[0-9a-f]{12}$/);
    expect(volunteerId("Li Ming", "+86 139 0000 0003")).toBe(volunteerId("li  ming", "13900000003"));
    expect(volunteerId("Li Ming", "13900000003")).toMatch(/^v-[0-9a-f]{12}$/);
    expect(volunteerId("Li Ming", "13900000003")).not.toBe(volunteerId("Li Ming", null));
    expect(Id.safeParse(householdId("x".repeat(100), "y".repeat(100))).success).toBe(true);
  });

  it("IMP1 skills are split on ; , 、 (and their full-width forms), trimmed, without blanks or repeats", async () => {
    expect(splitSkills("采样、扫码; 配送,门岗；医护，司机 ,采样,")).toEqual(["采样", "扫码", "配送", "门岗", "医护", "司机"]);
    const r = await plan(csv("姓名,电话,技能", '冯军,13900000002,"配送;门岗, 扫码"', "韩雪,,"), "volunteers");
    expect(r.events.map((e) => e.payload.skills)).toEqual([["配送", "门岗", "扫码"], []]);
    expect(r.events[1]?.payload).not.toHaveProperty("phone");
  });

  it("IMP2 every bad row is named by its line (the header is line 1, blank and multi-line rows counted) with its reason", async () => {
    const r = await plan(
      csv(
        HEAD,
        "1号楼,101,3,张伟,13800138000",
        "",
        ",102,2,,",
        '1号楼,"10\n3",abc,,',
        "1号楼,104,0,李娜,",
        "2号楼,201,51,王芳,phone?",
        "1号楼,101,3,张伟,13800138000",
        "2号楼,202,2,,",
      ),
    );
    expect(r.summary.errors).toMatchObject([
      { line: 4, message: '"楼栋" is empty' },
      { line: 5, message: '"人数" must be a whole number from 0 to 50 (0 or 空置 for a vacant flat), not "abc"' },
      {
        line: 8,
        message:
          "\"人数\" must be a whole number from 0 to 50 (0 or 空置 for a vacant flat), not \"51\"; \"联系电话\" \"phone?\" is not a phone number (digits, spaces, '-', '(', ')', '+')",
      },
      { line: 9, message: "the same household (1号楼 101) as line 2; keep one row" },
    ]);
    // Line 7 is a vacant flat (0) whose owner has a name and no phone: kept.
    expect(r.summary.new).toEqual({ buildings: 2, households: 3, volunteers: 0 });
    const nul = await plan(csv(HEAD, "1号楼,101,3,张\u0000伟,13800138000"));
    expect(nul.summary.errors).toMatchObject([{ line: 2, message: "a cell contains the NUL character; remove it" }]);
  });

  it("IMP2 a file without the required columns, an old .xls or an empty file is refused as a whole, at line 1", async () => {
    const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(ImportFileError);
    await refused(plan(csv("姓名,电话,技能", "郑洁,13900000001,采样")));
    await expect(plan(csv("姓名,电话,技能", "郑洁,13900000001,采样"))).rejects.toThrow(
      /no row names the columns .* the file starts with \[1\] 姓名 \| 电话 \| 技能; \[2\] 郑洁/,
    );
    await expect(plan(csv("楼栋,人数", "1,1"))).rejects.toThrow(/no unit \(室号 or 房号\) column/);
    await expect(plan(csv("楼栋,楼号,室号,人数", "1,1,1,1"))).rejects.toThrow(/two columns are building/);
    await refused(plan(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])));
    await refused(plan(""));
    await refused(plan("\n,,,\n"));
  });
});

describe("IMP: the diff against the registry", () => {
  const reg = (): Registry => {
    const r = empty();
    r.buildings.set(buildingId("1号楼"), { label: "1号楼" });
    r.households.set(householdId("1号楼", "101"), {
      buildingId: buildingId("1号楼"),
      unit: "101",
      residents: 3,
      contactName: "张伟",
      contactPhone: "13800138000",
    });
    r.households.set(householdId("1号楼", "102"), {
      buildingId: buildingId("1号楼"),
      unit: "102",
      residents: 2,
      contactName: null,
      contactPhone: null,
    });
    r.volunteers.set(volunteerId("郑洁", "13900000001"), { name: "郑洁", phone: "13900000001", skills: ["采样", "扫码"] });
    return r;
  };

  it("IMP3 the same rows are unchanged; another number of residents or phone is a household.updated naming the fields", async () => {
    const same = await plan(csv(HEAD, "1号楼,101,3,张伟,13800138000", "1号楼,102,2,,"), "households", reg());
    expect(same.events).toEqual([]);
    expect(same.summary).toMatchObject({ new: { buildings: 0, households: 0 }, unchanged: { buildings: 1, households: 2 }, changes: [] });

    const changed = await plan(
      csv(HEAD, "1号楼,101,4,张伟,13900139000", "1号楼,102,2,李娜,13700137000", "2号楼,201,1,,"),
      "households",
      reg(),
    );
    expect(changed.summary).toMatchObject({
      new: { buildings: 1, households: 1 },
      changed: { households: 2 },
      unchanged: { buildings: 1 },
    });
    expect(changed.summary.changes).toEqual([
      {
        line: 2,
        id: householdId("1号楼", "101"),
        fields: ["residents", "phone"],
        diffs: [
          { field: "residents", from: 3, to: 4 },
          { field: "phone", from: "13800138000", to: "13900139000" },
        ],
      },
      {
        line: 3,
        id: householdId("1号楼", "102"),
        fields: ["name", "phone"],
        diffs: [
          { field: "name", from: null, to: "李娜" },
          { field: "phone", from: null, to: "13700137000" },
        ],
      },
    ]);
    const updated = changed.events.filter((e) => e.type === "household.updated");
    expect(updated[0]).toMatchObject({ community: "c1", payload: { residents: 4, contact: { name: "张伟", phone: "13900139000" } } });
    expect(updated[0]).not.toHaveProperty("id");
    expect(changed.lines).toEqual([2, 3, 4, 4]);
  });

  it("IMP3 without contact columns the contact is kept; with empty contact cells it is removed", async () => {
    const kept = await plan(csv("楼栋,室号,人数", "1号楼,101,3"), "households", reg());
    expect(kept.events).toEqual([]);
    const removed = await plan(csv(HEAD, "1号楼,101,3,,"), "households", reg());
    expect(removed.summary.changes).toEqual([
      {
        line: 2,
        id: householdId("1号楼", "101"),
        fields: ["name", "phone"],
        diffs: [
          { field: "name", from: "张伟", to: null },
          { field: "phone", from: "13800138000", to: null },
        ],
      },
    ]);
    expect(removed.events[0]?.payload).not.toHaveProperty("contact");
  });

  it("IMP3 volunteers: skills in another order are unchanged; other skills or another spelling of the phone are a volunteer.updated", async () => {
    const same = await plan(csv("姓名,电话,技能", "郑洁,13900000001,扫码;采样"), "volunteers", reg());
    expect(same.summary.unchanged.volunteers).toBe(1);
    const changed = await plan(csv("姓名,电话,技能", "郑洁,139 0000 0001,采样、门岗", "郑洁,13900000009,"), "volunteers", reg());
    expect(changed.summary).toMatchObject({ new: { volunteers: 1 }, changed: { volunteers: 1 } });
    expect(changed.summary.changes[0]?.diffs).toEqual([
      { field: "phone", from: "13900000001", to: "139 0000 0001" },
      { field: "skills", from: ["采样", "扫码"], to: ["采样", "门岗"] },
    ]);
    expect(changed.events[0]).toMatchObject({
      type: "volunteer.updated",
      payload: { volunteerId: volunteerId("郑洁", "13900000001"), phone: "139 0000 0001", skills: ["采样", "门岗"] },
    });
    const dup = await plan(csv("姓名,电话", "郑洁,13900000001", "郑洁,+86 139-0000-0001"), "volunteers", reg());
    expect(dup.summary.errors).toMatchObject([{ line: 3, message: "the same volunteer (郑洁 13900000001) as line 2; keep one row" }]);
  });
});
