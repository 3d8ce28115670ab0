// Why: IMP8–IMP12 through the real server on each engine: committee files come out as the committee meant, twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildingId, householdId } from "../../server/domain/registry-import/ids";
import { ENGINE, engineReady } from "../support/db";
import { type CorpusFile, committeeHouseholds, committeeHouseholdsGbk, committeeVolunteers } from "../support/registry-corpus";
import { feedAfter, importFile } from "../support/registry-files";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
const head = async (s: TestServer) => ((await (await s.api("/api/health")).json()) as { seq: number }).seq;

describe.skipIf(!ready)(`IMP: committee spreadsheets on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  const send = (c: string, f: CorpusFile, extra = "") =>
    importFile(s, `community=${c}&kind=${f.kind}&skipBadRows=1${extra}`, f.bytes, { type: f.type });
  const registry = async (c: string) => (await s.api(`/api/registry?community=${c}`)).json() as Promise<any>;

  for (const [label, make] of [
    ["xlsx", committeeHouseholds],
    ["GBK CSV", async () => committeeHouseholdsGbk()],
  ] as const) {
    it(`IMP8 the committee's households (${label}) come out as the committee meant: 单元, full-width digits, 3人, two phones, vacant flats; totals and the duplicate listed; twice changes nothing`, async () => {
      const f = await make();
      const c = `corpus-${label === "xlsx" ? "x" : "g"}`;
      const done = await send(c, f);
      expect(done.status).toBe(201);
      expect(done.body.skipped).toEqual(f.skipped.map((line) => ({ line, reason: "total", text: "合计" })));
      expect(done.body.errors.map((e: any) => e.line)).toEqual(f.bad);
      expect(done.body.read.header.line).toBe(f.header);
      const want = f.households ?? [];
      const reg = await registry(c);
      const got = new Map(reg.households.map((h: any) => [h.householdId, h]));
      for (const h of want) {
        const id = householdId(h.building, h.room, h.entrance);
        expect(got.get(id), `${h.building} ${h.unit}`).toEqual({
          householdId: id,
          buildingId: buildingId(h.building),
          unit: h.unit,
          residents: h.residents,
          contact: h.contact
            ? {
                name: h.contact.name ?? null,
                phone: h.contact.phone ?? null,
                ...(h.contact.otherPhones ? { otherPhones: h.contact.otherPhones } : {}),
              }
            : null,
          // Lived in: not marked vacant or moved out (household.vacated).
          status: null,
        });
      }
      expect(reg.households).toHaveLength(want.length);
      // Vacant flats are registered but are not households to test.
      const vacant = want.filter((h) => h.residents === 0).length;
      expect(vacant).toBe(2);
      expect((await s.snapshot(c)).counts).toMatchObject({ householdsTotal: want.length - vacant, buildingsTotal: 4 });

      const before = await head(s);
      const again = await send(c, f);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        new: { buildings: 0, households: 0 },
        changed: { households: 0 },
        unchanged: { households: want.length },
      });
      expect(await head(s)).toBe(before);
    });
  }

  it("IMP10 the volunteers' list, then again with 手机号码 renamed 电话: the same 60 volunteers; a list first read without phones is updated, not doubled", async () => {
    const first = await committeeVolunteers();
    expect((await send("corpus-v", first)).status).toBe(201);
    const renamed = await committeeVolunteers(60, "电话");
    const before = await head(s);
    const again = await send("corpus-v", renamed);
    expect(again.status).toBe(200);
    expect(again.body.unchanged.volunteers).toBe(60);
    expect(await head(s)).toBe(before);
    expect((await s.snapshot("corpus-v")).counts.volunteersTotal).toBe(60);
    const reg = await registry("corpus-v");
    expect(reg.volunteers.find((v: any) => v.name === "志愿者01")).toMatchObject({
      phone: "13600000000",
      building: "1号楼",
      skills: ["采样"],
    });

    // The case: 手机号码 ignored on the first import, then the corrected list.
    expect((await send("corpus-v2", first, `&mapping=${encodeURIComponent(JSON.stringify({ 手机号码: "ignore" }))}`)).status).toBe(201);
    const fixed = await send("corpus-v2", renamed);
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ new: { volunteers: 0 }, changed: { volunteers: 60 } });
    expect((await s.snapshot("corpus-v2")).counts.volunteersTotal).toBe(60);
    expect((await registry("corpus-v2")).volunteers.every((v: any) => /^136\d{8}$/.test(v.phone))).toBe(true);
  });

  it("IMP9 a mapping is followed by the preview and remembered for the compound's next file as registry.mapping_set", async () => {
    const f = await committeeHouseholds();
    const mapping = encodeURIComponent(JSON.stringify({ 备注: "ignore", 联系电话: "ignore" }));
    const preview = await send("corpus-m", f, `&dryRun=1&mapping=${mapping}`);
    expect(preview.status).toBe(200);
    expect(preview.body.read.columns.find((c: any) => c.name === "联系电话")).toMatchObject({ field: null, by: "mapping" });
    expect(await head(s)).toBeGreaterThanOrEqual(0);
    const before = await head(s);
    expect((await send("corpus-m", f, `&mapping=${mapping}`)).status).toBe(201);
    const feed = (await feedAfter(s, before)).filter((e) => e.type === "registry.mapping_set");
    expect(feed).toMatchObject([
      { community: "corpus-m", payload: { kind: "households", columns: { 备注: "ignore", 联系电话: "ignore" } } },
    ]);
    // The next file, without a mapping, is read the remembered way.
    const next = await send("corpus-m", f, "&dryRun=1");
    expect(next.body.read.mapping).toEqual({ 备注: "ignore", 联系电话: "ignore" });
    expect(next.body.read.columns.find((c: any) => c.name === "联系电话")).toMatchObject({ field: null, by: "mapping" });
    expect(next.body.unchanged.households).toBe(f.households?.length);
    // Another compound does not inherit it.
    const other = await send("corpus-m2", f, "&dryRun=1");
    expect(other.body.read.columns.find((c: any) => c.name === "联系电话")).toMatchObject({ field: "phone", by: "name" });
    const bad = await send("corpus-m", f, "&dryRun=1&mapping=%7Bnope");
    expect(bad.status).toBe(400);
  });

  it("IMP11 an old .xls is 415 with what to do; a file without an address is 400 saying what its first rows are; an unknown sheet is 400", async () => {
    const xls = await importFile(
      s,
      "community=corpus-r&kind=households",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      {
        type: "application/vnd.ms-excel",
      },
    );
    expect(xls.status).toBe(415);
    expect(xls.body.error).toMatchObject({ code: "unsupported_type", reason: "file_old_xls" });
    expect(xls.body.error.message).toMatch(/save it as an Excel workbook \(\.xlsx\)/);
    const text = "幸福里小区,,\n说明：请如实填写,,\n甲,乙,丙\n1,2,3\n";
    const none = await importFile(s, "community=corpus-r&kind=households&dryRun=1", text);
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({
      reason: "header_not_found",
      params: { seen: "[1] 幸福里小区; [2] 说明：请如实填写; [3] 甲 | 乙 | 丙" },
    });
    const sheet = await send("corpus-r", await committeeHouseholds(), "&dryRun=1&sheet=Sheet9");
    expect(sheet.status).toBe(400);
    expect(sheet.body.error.params).toEqual({ sheet: "Sheet9", sheets: "说明, 住户" });
  });

  it("IMP12 a vacant flat is never on the door-knocking list and does not count as a household to test; lived in again, it does", async () => {
    const f = await committeeHouseholds();
    expect((await send("corpus-d", f)).status).toBe(201);
    const open = await s.api("/api/events", {
      method: "POST",
      json: { type: "round.opened", community: "corpus-d", payload: { roundId: "r1", kind: "pcr" } },
    });
    expect(open.status).toBe(201);
    const list = await (await s.api("/api/untested?community=corpus-d")).json();
    const units = list.buildings.flatMap((b: any) => b.households.map((h: any) => h.householdId));
    const vacant = (f.households ?? []).filter((h) => h.residents === 0).map((h) => householdId(h.building, h.room, h.entrance));
    expect(units).toHaveLength((f.households?.length ?? 0) - 2);
    for (const id of vacant) expect(units).not.toContain(id);
    const total = (await s.snapshot("corpus-d")).counts.householdsTotal;
    const [id] = vacant;
    const h = (await registry("corpus-d")).households.find((x: any) => x.householdId === id);
    const up = await s.api("/api/events", {
      method: "POST",
      json: {
        type: "household.updated",
        community: "corpus-d",
        payload: { householdId: id, buildingId: h.buildingId, unit: h.unit, residents: 2 },
      },
    });
    expect(up.status).toBe(201);
    expect((await s.snapshot("corpus-d")).counts.householdsTotal).toBe(total + 1);
    const after = await (await s.api("/api/untested?community=corpus-d")).json();
    expect(after.buildings.flatMap((b: any) => b.households.map((x: any) => x.householdId))).toContain(id);
  });
});
