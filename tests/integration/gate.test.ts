// Why: GATE1–GATE5: passes issued on approval, the gate's out and in, the scan, and who is outside (contract section 8).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passCode, passKey } from "../../server/auth/pass-code";
import { verifyProjections } from "../../server/ops/verify";
import { ENGINE, engineReady } from "../support/db";
import { hoursBefore, PERSONAL, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();
const HOUR = 3_600_000;

describe.skipIf(!ready)(`GATE: passes and the gate on ${ENGINE}`, () => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  const post = (type: string, payload: object, token?: string) => s.post({ type, payload }, token);
  /** Opens a leave request with a letter and a report `reportHours` old; returns its id. */
  async function leave(reportHours = 3, person: string = PERSONAL.name): Promise<{ id: string; reportAt: string }> {
    const id = `leave-${++n}`;
    const reportAt = hoursBefore(reportHours);
    expect((await post("request.opened", { requestId: id, householdId: "h1", kind: "leave", person })).status).toBe(201);
    expect((await post("request.document_added", { requestId: id, document: "commitment_letter" })).status).toBe(201);
    expect((await post("request.document_added", { requestId: id, document: "test_report", testedAt: reportAt })).status).toBe(201);
    return { id, reportAt };
  }
  const approvedPass = async (id: string) => {
    const list = ((await (await s.api("/api/requests")).json()) as { requests: any[] }).requests;
    return list.find((r) => r.requestId === id)?.pass;
  };
  const scan = async (code: string, token?: string) => {
    const r = await s.api("/api/gate/scan", { method: "POST", json: { code }, token });
    return { status: r.status, body: (await r.json()) as any };
  };

  it("GATE1 approval issues a pass: leave until the report is 48 h old with 12 h trips, medical 24 h unlimited; `pass` shortens, never past the report without an override", async () => {
    const a = await leave(3);
    expect((await post("request.approved", { requestId: a.id })).status).toBe(201);
    const p = await approvedPass(a.id);
    expect(p).toMatchObject({
      until: new Date(Date.parse(a.reportAt) + 48 * HOUR).toISOString(),
      tripHours: 12,
      state: "inside",
      returnBy: null,
    });
    expect(p.code).toMatch(/^[0-9]{7,}$/);

    const m = `med-${++n}`;
    expect((await post("request.opened", { requestId: m, householdId: "h3", kind: "medical", urgent: true })).status).toBe(201);
    const before = Date.now();
    expect((await post("request.approved", { requestId: m })).status).toBe(201);
    const mp = await approvedPass(m);
    expect(mp.tripHours).toBeNull();
    expect(Date.parse(mp.until) - before).toBeGreaterThanOrEqual(24 * HOUR - 1000);
    expect(Date.parse(mp.until) - before).toBeLessThan(24 * HOUR + 60_000);

    // Asked for longer than the report allows: cut back to the report's 48 hours. Shorter trips are kept.
    const b = await leave(40);
    const far = new Date(Date.now() + 30 * HOUR).toISOString();
    expect((await post("request.approved", { requestId: b.id, pass: { until: far, tripHours: 0.5 } })).status).toBe(201);
    expect(await approvedPass(b.id)).toMatchObject({ until: new Date(Date.parse(b.reportAt) + 48 * HOUR).toISOString(), tripHours: 0.5 });
    // An override (a report 50 hours old needs one) may run past it.
    const c = await leave(50);
    expect((await post("request.approved", { requestId: c.id, override: { reason: "night shift" }, pass: { until: far } })).status).toBe(
      201,
    );
    expect((await approvedPass(c.id)).until).toBe(far);
    // Deliveries get none.
    expect((await post("request.opened", { requestId: `sup-${++n}`, householdId: "h2", kind: "supplies" })).status).toBe(201);
    expect((await post("request.approved", { requestId: `sup-${n}`, override: { reason: "delivery" } })).status).toBe(201);
    expect(await approvedPass(`sup-${n}`)).toBeNull();
  });

  it("GATE2 gate.out needs a valid pass and the holder inside (no_pass, pass_expired, already_out); gate.in needs them out (not_out); the first out fulfils the request", async () => {
    const volunteer = await s.mint("volunteer");
    const a = await leave(3);
    const reasonOf = (r: { body: any }) => r.body.error?.reason;
    expect(reasonOf(await post("gate.out", { requestId: a.id }, volunteer))).toBe("no_pass");
    expect((await post("request.approved", { requestId: a.id })).status).toBe(201);
    expect(reasonOf(await post("gate.in", { requestId: a.id }, volunteer))).toBe("not_out");
    const pending = (await s.snapshot()).counts.pendingRequests;
    const out = await post("gate.out", { requestId: a.id }, volunteer);
    expect(out.status, JSON.stringify(out.body)).toBe(201);
    const snap = await s.snapshot();
    expect(snap.counts).toMatchObject({ pendingRequests: pending - 1, outsideNow: 1, overdue: 0 });
    const again = await post("gate.out", { requestId: a.id }, volunteer);
    expect([again.status, reasonOf(again)]).toEqual([409, "already_out"]);
    expect((await post("gate.in", { requestId: a.id }, volunteer)).status).toBe(201);
    expect((await s.snapshot()).counts).toMatchObject({ outsideNow: 0, overdue: 0 });
    // The pass stays usable until `until`: out again (fulfilled already, pending unchanged).
    expect((await post("gate.out", { requestId: a.id }, volunteer)).status).toBe(201);
    expect((await s.snapshot()).counts).toMatchObject({ pendingRequests: pending - 1, outsideNow: 1 });
    expect((await post("gate.in", { requestId: a.id }, volunteer)).status).toBe(201);

    const e = await leave(3);
    expect((await post("request.approved", { requestId: e.id, pass: { until: new Date(Date.now() - 60_000).toISOString() } })).status).toBe(
      201,
    );
    const expired = await post("gate.out", { requestId: e.id }, volunteer);
    expect([expired.status, reasonOf(expired)]).toEqual([409, "pass_expired"]);
    const report = await verifyProjections(s.app.handle.db);
    expect(report.differences).toEqual([]);
  });

  it("GATE3 POST /api/gate/scan decides out then in from the pass's state; an unknown, mistyped or stale code is 404; a refused scan is 409 with its reason", async () => {
    const volunteer = await s.mint("volunteer");
    const a = await leave(3);
    expect((await post("request.approved", { requestId: a.id, pass: { tripHours: 2 } })).status).toBe(201);
    const { code } = await approvedPass(a.id);
    const out = await scan(code, volunteer);
    expect(out.status, JSON.stringify(out.body)).toBe(201);
    expect(out.body).toMatchObject({ direction: "out", requestId: a.id, holder: { building: "Building 1", unit: "101" } });
    expect(out.body.holder.person).not.toBe(PERSONAL.name);
    expect(Date.parse(out.body.returnBy) - Date.now()).toBeGreaterThan(2 * HOUR - 60_000);
    const feed = (await (await s.api(`/api/events?after=${out.body.seq - 1}&limit=1`)).json()) as any;
    expect(feed.events[0]).toMatchObject({ type: "gate.out", payload: { requestId: a.id } });
    const back = await scan(code, volunteer);
    expect(back.body).toMatchObject({ direction: "in", requestId: a.id, returnBy: null });
    expect(back.status).toBe(201);

    const wrong = `${code.slice(0, -1)}${(Number(code.slice(-1)) + 1) % 10}`;
    expect((await scan(wrong, volunteer)).status).toBe(404);
    expect((await scan("12", volunteer)).body.error.reason).toBe("pass_unknown");
    // A screenshot an hour old: its code no longer opens the gate.
    const key = passKey(await sessionSecret());
    const old = passCode(key, Number(code.slice(0, -6)), Date.now() - HOUR).code;
    expect((await scan(old, volunteer)).status).toBe(404);
    expect((await scan(passCode(key, Number(code.slice(0, -6))).code, volunteer)).body.direction).toBe("out");

    const e = await leave(3);
    expect((await post("request.approved", { requestId: e.id, pass: { until: new Date(Date.now() - 60_000).toISOString() } })).status).toBe(
      201,
    );
    const red = await scan((await approvedPass(e.id)).code, volunteer);
    expect([red.status, red.body.error.reason]).toEqual([409, "pass_expired"]);
    // The refusal names whose pass it was, masked, for the gate to show.
    expect(red.body.holder).toMatchObject({ building: "Building 1", unit: "101" });
    expect(red.body.holder.person).not.toBe(PERSONAL.name);
    expect((await scan(code, await s.mint("display"))).status).toBe(403);
  });

  it("GATE4 GET /api/outside lists who is out, since when and due back when; the secretary sees names, a volunteer masked", async () => {
    const r = await s.api("/api/outside");
    const list = ((await r.json()) as { outside: any[] }).outside;
    expect(list.length).toBe((await s.snapshot()).counts.outsideNow);
    expect(list[0]).toMatchObject({ person: PERSONAL.name, building: "Building 1", unit: "101", overdue: false });
    expect(list[0].outAt).toBeTruthy();
    const masked = ((await (await s.api("/api/outside", { token: await s.mint("volunteer") })).json()) as { outside: any[] }).outside;
    expect(masked[0].person).not.toBe(PERSONAL.name);
    expect((await s.api("/api/outside", { token: await s.mint("display") })).status).toBe(403);
    expect((await verifyProjections(s.app.handle.db)).differences).toEqual([]);
  });

  it("GATE5 overdue follows the clock: a subscribed socket on every node sees overdue go to 1 within 60 s of returnBy with no event posted; coming back clears it", async () => {
    const other = ENGINE === "postgres" ? await startTestServer({ DATABASE_URL: s.databaseUrl as string }) : null;
    const display = await s.mint("display");
    const sockets = [connect(s.url, { token: display }), ...(other ? [connect(other.url, { token: display })] : [])];
    try {
      for (const so of sockets) {
        await connected(so);
        so.emit("subscribe", { community: "default" });
      }
      const a = await leave(3);
      // A 4-second trip.
      expect((await post("request.approved", { requestId: a.id, pass: { tripHours: 4 / 3600 } })).status).toBe(201);
      const out = await post("gate.out", { requestId: a.id });
      expect(out.status).toBe(201);
      const seq = out.body.accepted[0].seq as number;
      const base = (await s.snapshot()).counts.overdue as number;
      for (const so of sockets) await waitFor(() => so.latest()?.seq === seq, "the out to reach the socket", 10_000);
      for (const so of sockets) await waitFor(() => so.latest()?.counts.overdue === base + 1, "overdue to reach the socket", 90_000, 200);
      // No event posted meanwhile: the same seq, now with overdue counted.
      expect((await s.snapshot()).seq).toBe(seq);
      for (const so of sockets) expect(so.latest()?.seq).toBe(seq);
      const outside = ((await (await s.api("/api/outside")).json()) as { outside: any[] }).outside.find((o) => o.requestId === a.id);
      expect(outside.overdue).toBe(true);
      // The wall names the building and the return time, never the person or the room.
      const wall = await (await s.api("/api/wall", { token: display })).text();
      expect(JSON.parse(wall).overdue).toContainEqual({ buildingId: "b1", returnBy: outside.returnBy });
      expect(wall).not.toContain(PERSONAL.name);
      expect((await post("gate.in", { requestId: a.id })).status).toBe(201);
      for (const so of sockets) await waitFor(() => so.latest()?.counts.overdue === base, "overdue to clear", 10_000);
    } finally {
      for (const so of sockets) so.close();
      await other?.close();
    }
  }, 120_000);

  it("GATE7 GET /api/releases: every approved leave or medical request of the period with basis, documents, pass and trips; CSV with both languages; secretary only", async () => {
    const r = await s.api("/api/releases?community=default");
    expect(r.status).toBe(200);
    const { releases } = (await r.json()) as { releases: any[] };
    expect(releases.every((x) => ["leave", "medical"].includes(x.kind))).toBe(true);
    const withTrips = releases.find((x) => x.trips.length >= 2);
    expect(withTrips).toMatchObject({
      building: "Building 1",
      unit: "101",
      person: PERSONAL.name,
      basis: "documents",
      overrideReason: null,
    });
    expect(withTrips.documents.map((d: any) => d.document).sort()).toEqual(["commitment_letter", "test_report"]);
    expect(withTrips.pass).toMatchObject({ tripHours: 12, state: "inside" });
    expect(withTrips.trips[0]).toMatchObject({ overdue: false });
    expect(withTrips.trips[0].inAt).toBeTruthy();
    expect(releases.find((x) => x.basis === "override")?.overrideReason).toBe("night shift");
    // The overdue trip of GATE5 is marked so.
    expect(releases.some((x) => x.trips.some((t: any) => t.overdue && t.inAt))).toBe(true);
    const future = await s.api(`/api/releases?from=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(((await future.json()) as { releases: unknown[] }).releases).toEqual([]);
    const csv = await s.api("/api/releases?format=csv");
    const text = await csv.text();
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(text.split("\r\n")[0]).toContain("requestId 申请号");
    expect(text).toContain(PERSONAL.name);
    expect((await s.api("/api/releases", { token: await s.mint("volunteer") })).status).toBe(403);
    // The daily report counts the day's trips: out, back, and those due back today that came back late.
    const day = (await (await s.api("/api/reports/daily")).json()) as any;
    const outs = releases.flatMap((x) => x.trips).length;
    expect(day.trips.out).toBe(outs);
    expect(day.trips.back).toBe(releases.flatMap((x) => x.trips).filter((t: any) => t.inAt).length);
    expect(day.trips.overdue).toBeGreaterThanOrEqual(1);
    const dayCsv = await (await s.api("/api/reports/daily?format=csv")).text();
    expect(dayCsv).toContain(`trips,out,,${outs}`);
  });

  it("GATE10 the household's own /api/my/requests carries its pass with the code of this moment (and when it changes), which the gate reads; the register's printCode (for paper) opens the gate until the pass's until and no longer; a resent scan id answers 200 with the first answer and its holder", async () => {
    const volunteer = await s.mint("volunteer");
    const minted = await s.api("/api/tokens", { method: "POST", json: { role: "resident", householdId: "h1", community: "default" } });
    const resident = ((await minted.json()) as { token: string }).token;
    const a = await leave(3);
    expect((await post("request.approved", { requestId: a.id, pass: { tripHours: 3 } })).status).toBe(201);
    const mine = async () =>
      ((await (await s.api("/api/my/requests", { token: resident })).json()) as any).requests.find((r: any) => r.requestId === a.id);
    const home = await mine();
    expect(home.pass).toMatchObject({ tripHours: 3, state: "inside", returnBy: null });
    expect(home.pass.code).toBe((await approvedPass(a.id)).code);
    const changesIn = Date.parse(home.pass.codeChangesAt) - Date.now();
    expect(changesIn).toBeGreaterThan(0);
    expect(changesIn).toBeLessThanOrEqual(10 * 60_000);

    const id = `scan-${a.id}`;
    const first = await s.api("/api/gate/scan", { method: "POST", json: { code: home.pass.code, id }, token: volunteer });
    const body = (await first.json()) as any;
    expect([first.status, body.direction]).toEqual([201, "out"]);
    const again = await s.api("/api/gate/scan", { method: "POST", json: { code: home.pass.code, id }, token: volunteer });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      direction: "out",
      seq: body.seq,
      duplicate: true,
      returnBy: body.returnBy,
      holder: body.holder,
    });
    const outs = ((await (await s.api(`/api/events?after=${body.seq - 1}&limit=50`)).json()) as any).events.filter(
      (e: any) => e.type === "gate.out" && e.payload.requestId === a.id,
    );
    expect(outs).toHaveLength(1);
    expect((await mine()).pass).toMatchObject({ state: "outside" });
    expect((await mine()).status).toBe("fulfilled");

    // Paper: the register's printCode is read like a phone's code, in and out, and it does not change with the clock.
    const register = ((await (await s.api("/api/releases")).json()) as any).releases.find((r: any) => r.requestId === a.id);
    const printed = register.pass.printCode as string;
    expect(printed).toMatch(/^[0-9]{9,}$/);
    expect(printed).not.toBe(home.pass.code);
    expect((await scan(printed, volunteer)).body.direction).toBe("in");
    expect((await scan(printed, volunteer)).body.direction).toBe("out");
    expect((await scan(printed, volunteer)).body.direction).toBe("in");
    // Back inside after using it: the desk's list of passes still valid, for a volunteer masked.
    const outside = (await (await s.api("/api/outside")).json()) as any;
    expect(outside.passesInside.find((p: any) => p.requestId === a.id)).toMatchObject({
      building: "Building 1",
      unit: "101",
      tripHours: 3,
    });
    expect(outside.outside.map((o: any) => o.requestId)).not.toContain(a.id);
    const masked = (await (await s.api("/api/outside", { token: volunteer })).json()) as any;
    expect(masked.passesInside.find((p: any) => p.requestId === a.id).person).not.toBe(PERSONAL.name);
    const tampered = `${printed.slice(0, -1)}${(Number(printed.slice(-1)) + 1) % 10}`;
    expect((await scan(tampered, volunteer)).status).toBe(404);
    // A pass that has run out: its printed code is still read, and refused as expired.
    const e = await leave(3);
    expect((await post("request.approved", { requestId: e.id, pass: { until: new Date(Date.now() - 60_000).toISOString() } })).status).toBe(
      201,
    );
    const old = ((await (await s.api("/api/releases")).json()) as any).releases.find((r: any) => r.requestId === e.id);
    const red = await scan(old.pass.printCode, volunteer);
    expect([red.status, red.body.error.reason]).toEqual([409, "pass_expired"]);
    // The same scan sent five times at once (a resend racing the first send): one passage, every answer "out".
    const c = await leave(3);
    expect((await post("request.approved", { requestId: c.id })).status).toBe(201);
    const raceCode = (await approvedPass(c.id)).code;
    const raceId = `race-${c.id}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const r = await s.api("/api/gate/scan", { method: "POST", json: { code: raceCode, id: raceId }, token: volunteer });
        return [r.status, ((await r.json()) as any).direction];
      }),
    );
    expect(answers.filter(([st]) => st === 201)).toHaveLength(1);
    expect(answers.every(([st, dir]) => (st === 201 || st === 200) && dir === "out")).toBe(true);
    const raced = ((await (await s.api("/api/events?after=0&limit=1000")).json()) as any).events.filter(
      (e: any) => (e.type === "gate.out" || e.type === "gate.in") && e.payload.requestId === c.id,
    );
    expect(raced.map((e: any) => [e.type, e.id])).toEqual([["gate.out", raceId]]);
    // A volunteer of another compound: the pass is genuine, and not for this gate.
    const elsewhere = await s.mint("volunteer", "east gate", "east");
    const foreign = await scan(raceCode, elsewhere);
    expect([foreign.status, foreign.body.error.reason]).toEqual([403, "pass_other_compound"]);
    // Nobody else's token reads the register's codes.
    expect((await s.api("/api/releases", { token: volunteer })).status).toBe(403);
  });

  async function sessionSecret(): Promise<string> {
    const { settings } = await import("../../drizzle/schema");
    const { eq } = await import("drizzle-orm");
    const [row] = await s.app.handle.db.select().from(settings).where(eq(settings.key, "session_secret"));
    return row?.value as string;
  }
});
