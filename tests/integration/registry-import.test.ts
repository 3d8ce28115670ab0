// Why: IMP4–IMP7 through the real server on each engine: preview, import all or nothing, changes in the feed, the CLI.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdId, registrationEventId } from "../../server/domain/registry-import/ids";
import { appendEvents } from "../../server/ingest/append";
import { ENGINE, engineReady, freshPostgresDatabase } from "../support/db";
import { feedAfter, gbk, householdsCsv, importFile, sample, XLSX_TYPE } from "../support/registry-files";
import { startTestServer, type TestServer } from "../support/server";
import { freePort, type Spawned, spawnServer } from "../support/spawn";

const ready = await engineReady();
const HOUSEHOLDS = "kind=households";
const head = async (s: TestServer) => ((await (await s.api("/api/health")).json()) as { seq: number }).seq;

describe.skipIf(!ready)(`IMP: registry import on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  it("IMP4 a dry run previews and changes nothing; the import records every row; the same file again, as GBK or .xlsx, changes nothing", async () => {
    const q = `community=c-same&${HOUSEHOLDS}`;
    const preview = await importFile(s, `${q}&dryRun=1`, sample("households.csv"));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      new: { buildings: 3, households: 12, volunteers: 0 },
      changed: { buildings: 0, households: 0, volunteers: 0 },
      unchanged: { buildings: 0, households: 0, volunteers: 0 },
      errors: [],
      file: { format: "csv", encoding: "utf-8", rows: 12 },
    });
    expect(await head(s)).toBe(0);
    expect((await s.snapshot("c-same")).counts.householdsTotal).toBe(0);

    const done = await importFile(s, q, sample("households.csv"));
    expect(done.status).toBe(201);
    expect(done.body.new).toEqual(preview.body.new);
    expect((await s.snapshot("c-same")).counts).toMatchObject({ householdsTotal: 12, buildingsTotal: 3 });
    const feed = await feedAfter(s, 0);
    expect(feed.map((e) => e.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const registry = await (await s.api("/api/registry?community=c-same")).json();
    expect(registry.households.find((h: any) => h.householdId === householdId("1号楼", "101"))).toMatchObject({
      unit: "101",
      residents: 1,
      contact: { name: "张伟", phone: "13800000001" },
    });

    for (const [file, type] of [
      ["households.csv", "text/csv"],
      ["households-gbk.csv", "text/csv"],
      ["households.xlsx", XLSX_TYPE],
    ]) {
      const again = await importFile(s, q, sample(file as string), { type });
      expect(again.status, file).toBe(200);
      expect(again.body, file).toMatchObject({
        new: { buildings: 0, households: 0 },
        unchanged: { buildings: 3, households: 12 },
        errors: [],
      });
    }
    expect(await head(s)).toBe(15);
  });

  it("IMP3 a changed row is a household.updated or volunteer.updated in the feed; the registry follows and the counts stay", async () => {
    const q = `community=c-change&${HOUSEHOLDS}`;
    const text = householdsCsv(6);
    expect((await importFile(s, q, text)).status).toBe(201);
    const before = await head(s);
    const edited = householdsCsv(6, (c, i) => (i === 2 ? [c[0], c[1], "5", c[3], "13912345678"] : c) as string[]);
    const r = await importFile(s, q, gbk(edited));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ changed: { households: 1 }, unchanged: { households: 5, buildings: 1 }, new: { households: 0 } });
    expect(r.body.changes).toEqual([
      {
        line: 4,
        id: householdId("1号楼", "1002"),
        fields: ["residents", "phone"],
        diffs: [
          { field: "residents", from: 3, to: 5 },
          { field: "phone", from: "13800000002", to: "13912345678" },
        ],
      },
    ]);
    const feed = await feedAfter(s, before);
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({
      type: "household.updated",
      community: "c-change",
      payload: { householdId: householdId("1号楼", "1002"), residents: 5, contact: { name: "住户2", phone: "13912345678" } },
    });
    const registry = await (await s.api("/api/registry?community=c-change")).json();
    expect(registry.households.find((h: any) => h.householdId === householdId("1号楼", "1002"))).toMatchObject({
      residents: 5,
      contact: { phone: "13912345678" },
    });
    expect((await s.snapshot("c-change")).counts).toMatchObject({ householdsTotal: 6, buildingsTotal: 1 });

    expect((await importFile(s, "community=c-change&kind=volunteers", sample("volunteers.csv"))).status).toBe(201);
    const v = await importFile(s, "community=c-change&kind=volunteers", "姓名,电话,技能\n郑洁,13900000001,门岗\n");
    expect(v.body).toMatchObject({ changed: { volunteers: 1 }, new: { volunteers: 0 } });
    const [updated] = (await feedAfter(s, before + 1 + 5)).filter((e) => e.type === "volunteer.updated");
    expect(updated?.payload).toMatchObject({ name: "郑洁", phone: "13900000001", skills: ["门岗"] });
    expect((await s.snapshot("c-change")).counts.volunteersTotal).toBe(5);
  });

  it("IMP4 a bad row refuses the whole file: 400, every bad line in error.issues and the summary; skipBadRows imports the rest", async () => {
    const q = `community=c-bad&${HOUSEHOLDS}`;
    const text = householdsCsv(5, (c, i) => (i === 1 ? ["", ...c.slice(1)] : i === 3 ? [c[0], c[1], "many", c[3], c[4]] : c) as string[]);
    const before = await head(s);
    for (const mode of ["&dryRun=1", ""]) {
      const r = await importFile(s, `${q}${mode}`, text);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("validation");
      expect(r.body.error.issues).toMatchObject([
        { path: "line 3", message: '"楼栋" is empty' },
        { path: "line 5", message: '"人数" must be a whole number from 0 to 50 (0 or 空置 for a vacant flat), not "many"' },
      ]);
      expect(r.body.error.summary).toMatchObject({ new: { buildings: 1, households: 3 }, errors: [{ line: 3 }, { line: 5 }] });
    }
    expect(await head(s)).toBe(before);
    expect((await s.snapshot("c-bad")).counts.householdsTotal).toBe(0);

    const skipped = await importFile(s, `${q}&skipBadRows=1`, text);
    expect(skipped.status).toBe(201);
    expect(skipped.body).toMatchObject({ new: { households: 3 }, errors: [{ line: 3 }, { line: 5 }] });
    expect((await s.snapshot("c-bad")).counts.householdsTotal).toBe(3);
  });

  it("IMP4 more than 1,000 events are one transaction: all with one recordedAt and consecutive seqs, or none when the last conflicts", async () => {
    const text = householdsCsv(1200);
    const last = householdId("12号楼", "2199");
    // Another event already holds the id the last registration would take: the import must record nothing at all.
    const blocker = { id: registrationEventId("c-none", "household.registered", last), type: "building.registered", community: "c-x" };
    expect((await s.post({ ...blocker, payload: { buildingId: "bx", label: "x" } })).status).toBe(201);
    const before = await head(s);
    const refused = await importFile(s, `community=c-none&${HOUSEHOLDS}`, text);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^line 1201: /);
    expect(refused.body.error.issues).toMatchObject([{ path: "line 1201", message: expect.stringContaining(blocker.id) }]);
    expect(await head(s)).toBe(before);
    expect((await s.snapshot("c-none")).counts).toMatchObject({ householdsTotal: 0, buildingsTotal: 0 });

    const done = await importFile(s, `community=c-many&${HOUSEHOLDS}`, text);
    expect(done.status).toBe(201);
    expect(done.body.new).toEqual({ buildings: 12, households: 1200, volunteers: 0 });
    const feed = await feedAfter(s, before);
    expect(feed).toHaveLength(1212);
    expect(feed.map((e) => e.seq)).toEqual(Array.from({ length: 1212 }, (_, i) => before + 1 + i));
    expect(new Set(feed.map((e) => e.recordedAt)).size).toBe(1);
    expect((await s.snapshot("c-many")).counts).toMatchObject({ householdsTotal: 1200, buildingsTotal: 12, volunteersTotal: 0 });
  });

  it("IMP4 a 5,000-household file into a compound that has a registry: 201 and 5,000 more households; the same file again changes nothing", async () => {
    const c = "c-5000";
    // A compound already holding the sample's 12 households in 1–3号楼, which the big file shares.
    expect((await importFile(s, `community=${c}&${HOUSEHOLDS}`, sample("households.csv"))).status).toBe(201);
    const counts = (await s.snapshot(c)).counts;
    expect(counts).toMatchObject({ householdsTotal: 12, buildingsTotal: 3 });
    const text = householdsCsv(5000);
    const before = await head(s);

    const done = await importFile(s, `community=${c}&${HOUSEHOLDS}`, text);
    expect(done.status, done.text.slice(0, 300)).toBe(201);
    expect(done.body).toMatchObject({
      new: { buildings: 47, households: 5000, volunteers: 0 },
      changed: { buildings: 0, households: 0, volunteers: 0 },
      errors: [],
    });
    expect(await head(s)).toBe(before + 5047);
    expect((await s.snapshot(c)).counts).toMatchObject({
      householdsTotal: counts.householdsTotal + 5000,
      buildingsTotal: counts.buildingsTotal + 47,
    });

    const again = await importFile(s, `community=${c}&${HOUSEHOLDS}`, text);
    expect(again.status, again.text.slice(0, 300)).toBe(200);
    expect(again.body).toMatchObject({
      new: { buildings: 0, households: 0, volunteers: 0 },
      changed: { buildings: 0, households: 0, volunteers: 0 },
      unchanged: { buildings: 50, households: 5000, volunteers: 0 },
      errors: [],
    });
    expect(await head(s)).toBe(before + 5047);
    expect((await s.snapshot(c)).counts).toMatchObject({ householdsTotal: 5012, buildingsTotal: 50 });
  });

  it("IMP4 only the secretary imports: a volunteer or display gets 403, no token 401, and nothing changes; JSON carries the file as base64", async () => {
    const before = await head(s);
    for (const role of ["volunteer", "display"] as const) {
      const r = await importFile(s, `community=c-auth&${HOUSEHOLDS}`, sample("households.csv"), { token: await s.mint(role) });
      expect(r.status, role).toBe(403);
    }
    expect((await importFile(s, `community=c-auth&${HOUSEHOLDS}`, sample("households.csv"), { token: null })).status).toBe(401);
    expect(await head(s)).toBe(before);
    const json = JSON.stringify({ file: sample("households.xlsx").toString("base64"), name: "households.xlsx" });
    const r = await importFile(s, `community=c-auth&${HOUSEHOLDS}`, json, { type: "application/json" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ new: { households: 12 }, file: { format: "xlsx" } });
  });

  it("IMP4 refusals: over 10 MiB 413, an unknown kind or a file without the columns 400 at line 1, a demo community 409", async () => {
    const before = await head(s);
    expect((await importFile(s, `community=c-ref&${HOUSEHOLDS}`, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41))).status).toBe(413);
    const kind = await importFile(s, "community=c-ref&kind=cats", sample("households.csv"));
    expect(kind.status).toBe(400);
    expect(kind.body.error.issues[0].path).toBe("kind");
    const columns = await importFile(s, `community=c-ref&${HOUSEHOLDS}`, sample("volunteers.csv"));
    expect(columns.status).toBe(400);
    expect(columns.body.error.issues).toEqual([
      {
        path: "line 1",
        message: expect.stringMatching(/no row names the columns of a registry .* the file starts with \[1\] 姓名 \| 电话 \| 技能/),
        reason: "header_not_found",
        params: expect.any(Object),
      },
    ]);
    expect(await head(s)).toBe(before);

    await appendEvents(s.app.handle.db, [{ type: "demo.loaded", community: "c-demo", payload: {} }], {
      role: "secretary",
      name: "test",
      internal: true,
    });
    const preview = await importFile(s, `community=c-demo&${HOUSEHOLDS}&dryRun=1`, sample("households.csv"));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ demo: true, new: { households: 12 } });
    const refused = await importFile(s, `community=c-demo&${HOUSEHOLDS}`, sample("households.csv"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/holds the demo compound/);
    expect((await s.snapshot("c-demo")).counts.householdsTotal).toBe(0);
  });

  it("IMP4 Accept: application/x-ndjson streams progress lines, then the status and body of the plain answer", async () => {
    const r = await importFile(s, `community=c-stream&${HOUSEHOLDS}`, householdsCsv(450), { accept: "application/x-ndjson" });
    expect(r.status).toBe(200);
    const lines = r.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const progress = lines.filter((l) => l.progress).map((l) => l.progress.done);
    expect(progress).toEqual([0, 100, 200, 300, 400, 455]);
    expect(lines.at(-1)).toMatchObject({ status: 201, body: { new: { buildings: 5, households: 450 } } });
    const bad = await importFile(s, `community=c-stream&${HOUSEHOLDS}`, "楼栋,室号,人数\n,1,1\n", { accept: "application/x-ndjson" });
    expect(
      bad.text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        status: 400,
        body: {
          error: expect.objectContaining({
            code: "validation",
            issues: [{ path: "line 2", message: '"楼栋" is empty', reason: "cell_empty", params: { column: '"楼栋"' } }],
          }),
        },
      },
    ]);
  });

  it("IMP7 household.updated and volunteer.updated: the secretary's; 409 for an unknown id or another building; counts stay", async () => {
    const c = "c-events";
    const e = (type: string, payload: object) => ({ type, community: c, payload });
    expect(
      (
        await s.post({
          events: [
            e("building.registered", { buildingId: "b1", label: "B1" }),
            e("building.registered", { buildingId: "b2", label: "B2" }),
            e("household.registered", {
              householdId: "h1",
              buildingId: "b1",
              unit: "1",
              residents: 2,
              contact: { name: "A", phone: "1380" },
            }),
            e("volunteer.registered", { volunteerId: "v1", name: "V", skills: ["gate"] }),
            e("volunteer.checked_in", { volunteerId: "v1", post: "gate" }),
          ],
        })
      ).status,
    ).toBe(201);
    const counts = (await s.snapshot(c)).counts;
    expect((await s.post(e("household.updated", { householdId: "h9", buildingId: "b1", unit: "1", residents: 1 }))).status).toBe(409);
    const moved = await s.post(e("household.updated", { householdId: "h1", buildingId: "b2", unit: "1", residents: 1 }));
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toMatch(/does not move between buildings/);
    expect((await s.post(e("volunteer.updated", { volunteerId: "v9", name: "X" }))).status).toBe(409);
    const volunteer = await s.mint("volunteer");
    expect((await s.post(e("volunteer.updated", { volunteerId: "v1", name: "X" }), volunteer)).status).toBe(403);
    expect((await s.post(e("household.updated", { householdId: "h1", buildingId: "b1", unit: "1A", residents: 4 }))).status).toBe(201);
    expect((await s.post(e("volunteer.updated", { volunteerId: "v1", name: "V2", phone: "13900000000", skills: [] }))).status).toBe(201);
    const registry = await (await s.api(`/api/registry?community=${c}`)).json();
    expect(registry.households[0]).toMatchObject({ unit: "1A", residents: 4, contact: null });
    expect(registry.volunteers[0]).toMatchObject({ name: "V2", phone: "13900000000", skills: [], onDuty: true, post: "gate" });
    expect((await s.snapshot(c)).counts).toEqual(counts);
  });
});

describe.skipIf(!ready)(`IMP5: the import CLI against a spawned server on ${ENGINE}`, () => {
  const ADMIN = "cli-admin-token-0123456789";
  const dir = mkdtempSync(path.join(tmpdir(), "cordon-cli-"));
  let server: Spawned;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const pg = ENGINE === "postgres" ? await freshPostgresDatabase() : null;
    drop = pg?.drop;
    server = await spawnServer({
      PORT: freePort(),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      ADMIN_TOKEN: ADMIN,
      DEMO: "0",
      UI: "0",
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => {
    const env = { ...process.env, ADMIN_TOKEN: ADMIN, PUBLIC_URL: server.url, DATABASE_URL: "" };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { env });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  };

  it("IMP5 the CLI prints the preview with every bad row's line, refuses without --yes off a terminal, imports with --yes", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, gbk(householdsCsv(4, (c, i) => (i === 2 ? [c[0], c[1], "many", c[3], c[4]] : c) as string[])));
    const refused = await cli(bad, "--community", "cli", "--yes");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("(csv, gb18030, 4 rows) → households of community cli");
    expect(refused.stdout).toMatch(/households\s+3\s+0\s+0/);
    expect(refused.stdout).toContain('line 4: "人数" must be a whole number from 0 to 50 (0 or 空置 for a vacant flat), not "many"');
    expect(refused.stdout).toContain("Nothing was imported");

    const unconfirmed = await cli(bad, "--community", "cli", "--skip-bad-rows");
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stdout).toContain("Bad rows (1), skipped:");
    expect(unconfirmed.stdout).toContain("confirm with --yes");
    const snap = async () =>
      (await (await fetch(`${server.url}/api/snapshot?community=cli`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as any;
    expect((await snap()).counts.householdsTotal).toBe(0);

    const done = await cli(bad, "--community", "cli", "--skip-bad-rows", "--yes");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("Imported 1 new building and 3 new households into community cli, in one transaction.");
    expect((await snap()).counts).toMatchObject({ householdsTotal: 3, buildingsTotal: 1 });

    const volunteers = path.join(dir, "志愿者.csv");
    writeFileSync(volunteers, sample("volunteers.csv"));
    const v = await cli(volunteers, "--community", "cli", "--yes");
    expect(v.stdout).toMatch(/volunteers\s+5\s+0\s+0/);
    expect(v.stdout).toContain("Imported 5 new volunteers");
    expect((await cli(volunteers, "--community", "cli")).stdout).toContain("Nothing to import");
  });
});
