// Why: IMP8–IMP10 on the pure core: committee-style files read as the committee meant them, and read again change nothing.
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../../server/domain/registry-import/columns";
import { buildingId, householdId } from "../../server/domain/registry-import/ids";
import type { PlannedEvent, Registry } from "../../server/domain/registry-import/plan";
import { planImport, type ReadOptions, readRegistryFile } from "../../server/domain/registry-import/read-file";
import { readPhones, readResidents } from "../../server/domain/registry-import/values";
import { type CorpusFile, committeeHouseholds, committeeHouseholdsGbk, committeeVolunteers } from "../support/registry-corpus";

const empty = (): Registry => ({ buildings: new Map(), households: new Map(), volunteers: new Map() });

async function plan(f: CorpusFile, reg = empty(), opts: ReadOptions = {}) {
  return planImport("c1", await readRegistryFile(f.bytes, f.kind, opts), reg);
}

/** The registry the events leave behind, as the diff reads it. */
function apply(reg: Registry, events: PlannedEvent[]): Registry {
  for (const e of events) {
    const p = e.payload as any;
    if (e.type === "building.registered") reg.buildings.set(p.buildingId, { label: p.label });
    if (e.type === "household.registered" || e.type === "household.updated")
      reg.households.set(p.householdId, {
        buildingId: p.buildingId,
        unit: p.unit,
        residents: p.residents,
        contactName: p.contact?.name ?? null,
        contactPhone: p.contact?.phone ?? null,
        contactOtherPhones: p.contact?.otherPhones ?? null,
      });
    if (e.type === "volunteer.registered" || e.type === "volunteer.updated")
      reg.volunteers.set(p.volunteerId, { name: p.name, phone: p.phone ?? null, skills: p.skills, building: p.building ?? null });
  }
  return reg;
}

describe("IMP: committee-style spreadsheets", () => {
  it("IMP8 numbers and phones as people write them: ３, 3人, 3 口, 空置, two phones in a cell", () => {
    expect(["3", "３", "3人", "3 口", "３ 人", "3.0"].map(readResidents)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(["0", "空置", "vacant", "Vacant"].map(readResidents)).toEqual([0, 0, 0, 0]);
    expect(readResidents("三")).toBeNaN();
    expect(readPhones("13800000001/13900000002")).toEqual(["13800000001", "13900000002"]);
    expect(readPhones("13800000001 13900000002")).toEqual(["13800000001", "13900000002"]);
    expect(readPhones("13800000001、13900000002")).toEqual(["13800000001", "13900000002"]);
    expect(readPhones("138 0000 0001")).toEqual(["138 0000 0001"]);
    expect(readPhones("１３８０００００００１")).toEqual(["13800000001"]);
    expect(readPhones("")).toEqual([]);
    expect(readPhones("无")).toBeNull();
  });

  for (const make of [committeeHouseholds, async () => committeeHouseholdsGbk()]) {
    it(`IMP8 a committee's households file: header below the title, 单元 in the identity, totals skipped, the duplicate a bad row (${make === committeeHouseholds ? "xlsx" : "GBK CSV"})`, async () => {
      const f = await make();
      const p = await plan(f);
      expect(p.summary.read?.header.line).toBe(f.header);
      expect(p.summary.errors.map((e) => e.line)).toEqual(f.bad);
      expect(p.summary.skipped.map((s) => s.line)).toEqual(f.skipped);
      expect(p.summary.skipped[0]?.text).toBe("合计");
      if (f.bad.length) expect(p.summary.errors[0]?.reason).toBe("row_duplicate");
      const columns = Object.fromEntries((p.summary.read?.columns ?? []).map((c) => [c.name, c.field]));
      expect(columns).toEqual({
        序号: null,
        楼号: "building",
        单元: "entrance",
        室号: "unit",
        户主姓名: "name",
        联系电话: "phone",
        人数: "residents",
        备注: null,
      });
      const registered = p.events.filter((e) => e.type === "household.registered").map((e) => e.payload);
      const want = f.households ?? [];
      expect(registered).toEqual(
        want.map((h) => ({
          householdId: householdId(h.building, h.room, h.entrance),
          buildingId: buildingId(h.building),
          unit: h.unit,
          residents: h.residents,
          ...(h.contact ? { contact: h.contact } : {}),
        })),
      );
      // Room 101 under two entrances of 3号楼 is two households; a building without 单元 keeps the id it always had.
      expect(new Set(registered.map((h) => h.householdId)).size).toBe(want.length);
      expect(registered.filter((h) => String(h.unit).endsWith("101") && h.buildingId === buildingId("3号楼"))).toHaveLength(2);
      expect(registered[0]?.householdId).toBe(householdId("1号楼", "101"));
      expect(registered.find((h) => h.unit === "104" && h.buildingId === buildingId("1号楼"))?.residents).toBe(3);
      // The same file again changes nothing.
      const again = await plan(f, apply(empty(), p.events));
      expect(again.events).toEqual([]);
      expect(again.summary.unchanged.households).toBe(want.length);
    });
  }

  it("IMP8 the first sheet with a header is read, or the sheet the secretary picks; a file without an address says what it starts with", async () => {
    const f = await committeeHouseholds();
    expect((await plan(f)).summary.read?.sheet).toEqual({ index: 2, name: "住户", names: ["说明", "住户"] });
    expect((await plan(f, empty(), { sheet: "住户" })).summary.read?.sheet?.index).toBe(2);
    expect((await plan(f, empty(), { sheet: "2" })).summary.read?.sheet?.name).toBe("住户");
    await expect(plan(f, empty(), { sheet: "1" })).rejects.toMatchObject({ reason: "header_not_found" });
    const err = await plan(f, empty(), { sheet: "说明" }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err.params.seen).toBe("[1] 填表说明：每户一行");
    await expect(plan(f, empty(), { sheet: "Sheet9" })).rejects.toMatchObject({ reason: "sheet_not_found" });
  });

  it("IMP9 a mapping assigns an ignored column to a field or ignores one, and the reading follows", async () => {
    const f = await committeeHouseholds();
    const p = await plan(f, empty(), { mapping: { 备注: "name", 户主姓名: "ignore", 联系电话: "ignore" } });
    const cols = Object.fromEntries((p.summary.read?.columns ?? []).map((c) => [c.name, [c.field, c.by]]));
    expect(cols.备注).toEqual(["name", "mapping"]);
    expect(cols.户主姓名).toEqual([null, "mapping"]);
    expect(cols.联系电话).toEqual([null, "mapping"]);
    // The name column is now the empty 备注: no contact.
    expect(p.events.find((e) => e.type === "household.registered")?.payload).not.toHaveProperty("contact");
    // A required column the names do not know: refused with the columns read, so the screen can offer the choice; chosen, read.
    const plain = { ...f, kind: "households" as const, bytes: new Uint8Array(Buffer.from("楼号,室号,户数\n1号楼,101,3\n")) };
    const refused = await plan(plain).catch((e) => e);
    expect(refused).toMatchObject({ reason: "header_missing_columns", params: { fields: "residents" } });
    expect(refused.read.columns.map((c: { name: string; field: string | null }) => [c.name, c.field])).toEqual([
      ["楼号", "building"],
      ["室号", "unit"],
      ["户数", null],
    ]);
    const chosen = await plan(plain, empty(), { mapping: { 户数: "residents" } });
    expect(chosen.events[1]?.payload).toMatchObject({ unit: "101", residents: 3 });
    // A header the names do not know, made the room by the mapping, is found as the header.
    const v = await committeeVolunteers(3, "联络");
    const r = await plan(v, empty(), { mapping: { 联络: "phone" } });
    expect(r.events[0]?.payload).toMatchObject({ phone: "13600000000", building: "1号楼", skills: ["采样"] });
  });

  it("IMP10 volunteers: 手机号码 read as the phone, 所住楼号 kept; the list again with 电话 for 手机号码 is the same 60 people; a list read without phones is matched by name and building", async () => {
    const first = await committeeVolunteers();
    const p = await plan(first);
    expect(p.summary.new.volunteers).toBe(60);
    expect(p.events[0]?.payload).toMatchObject({ name: "志愿者01", phone: "13600000000", building: "1号楼", skills: ["采样"] });
    const reg = apply(empty(), p.events);
    const renamed = await plan(await committeeVolunteers(60, "电话"), reg);
    expect(renamed.events).toEqual([]);
    expect(renamed.summary.unchanged.volunteers).toBe(60);
    // The case: the first import lost the phones; the corrected list updates the same 60.
    const noPhones = await plan(first, empty(), { mapping: { 手机号码: "ignore" } });
    const reg2 = apply(empty(), noPhones.events);
    const fixed = await plan(await committeeVolunteers(60, "电话"), reg2);
    expect(fixed.summary).toMatchObject({ new: { volunteers: 0 }, changed: { volunteers: 60 } });
    expect(fixed.summary.changes[0]?.diffs).toEqual([{ field: "phone", from: null, to: "13600000000" }]);
    expect(reg2.volunteers.size).toBe(60);
    expect(apply(reg2, fixed.events).volunteers.size).toBe(60);
  });
});
