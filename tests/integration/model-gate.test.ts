// Why: GATE6: random approvals, scans, backdated trips and overrides against a model with time, on both engines.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests, settings } from "../../drizzle/schema";
import { passCode, passKey } from "../../server/auth/pass-code";
import { verifyProjections } from "../../server/ops/verify";
import { ENGINE, engineReady } from "../support/db";
import { fcOptions } from "../support/fc-options";
import { basisOf, type GStep, gateStep, type MReq, reportAtOf, termsOf } from "../support/gate-model";
import { compound } from "../support/ops-arbitraries";
import { readFeedAfter } from "../support/ops-check";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
const HOUR = 3_600_000;

describe.skipIf(!ready)(`GATE6: the gate against a model on ${ENGINE}`, () => {
  let s: TestServer;
  let key: Buffer;
  let runs = 0;
  beforeAll(async () => {
    s = await startTestServer();
    const [row] = await s.app.handle.db.select().from(settings).where(eq(settings.key, "session_secret"));
    key = passKey(row?.value as string);
  });
  afterAll(() => s?.close());

  async function run(steps: GStep[]): Promise<void> {
    const community = `g${++runs}`;
    const head0 = ((await (await s.api("/api/health")).json()) as { seq: number }).seq;
    expect((await s.post({ events: compound().map((e) => ({ ...e, community })) })).status).toBe(201);
    const model = new Map<number, MReq>();
    const post = async (type: string, payload: object, occurredAt?: string) =>
      s.post({ type, community, payload, ...(occurredAt ? { occurredAt } : {}) });
    const scan = async (code: string) => {
      const r = await s.api("/api/gate/scan", { method: "POST", json: { code } });
      return { status: r.status, body: (await r.json()) as any };
    };
    const trace: string[] = [];
    const fail = (what: string): never => {
      throw new Error(`${what}\n${trace.join("\n")}`);
    };
    for (const st of steps) {
      const id = `g${st.q}`;
      const r = model.get(st.q);
      const before = Date.now();
      if (st.k === "open") {
        const res = await post("request.opened", { requestId: id, householdId: `h${st.q + 1}`, kind: st.kind, urgent: st.urgent });
        trace.push(`${JSON.stringify(st)} → ${res.status}`);
        if (res.status !== (r ? 409 : 201)) fail(`open answered ${res.status}`);
        if (r) continue;
        const reportAt = reportAtOf(st.report, before);
        if (st.letter) expect((await post("request.document_added", { requestId: id, document: "commitment_letter" })).status).toBe(201);
        if (reportAt !== null)
          expect(
            (await post("request.document_added", { requestId: id, document: "test_report", testedAt: new Date(reportAt).toISOString() }))
              .status,
          ).toBe(201);
        model.set(st.q, {
          kind: st.kind,
          urgent: st.urgent,
          letter: st.letter,
          reportAt,
          status: "pending",
          passSeq: null,
          until: null,
          tripHours: null,
          outAt: null,
          returnBy: null,
        });
      } else if (st.k === "approve") {
        const asked = termsOf(r ?? { kind: "medical", reportAt: null }, "override", before, st);
        const pass =
          st.until || st.trip
            ? { ...(st.until ? { until: new Date(asked.until).toISOString() } : {}), ...(st.trip ? { tripHours: asked.tripHours } : {}) }
            : undefined;
        const res = await post("request.approved", {
          requestId: id,
          ...(st.override ? { override: { reason: "model" } } : {}),
          ...(pass ? { pass } : {}),
        });
        trace.push(`${JSON.stringify(st)} → ${res.status}`);
        const basis = r && r.status === "pending" ? basisOf(r, st.override, before) : null;
        if (res.status !== (basis ? 201 : 409)) fail(`approve answered ${res.status}, model basis ${basis}`);
        if (!r || !basis) continue;
        const t = termsOf(r, basis, before, st);
        Object.assign(r, { status: "approved", passSeq: res.body.accepted[0].seq, until: t.until, tripHours: t.tripHours });
      } else if (st.k === "out") {
        const at = before - st.backMinutes * 60_000;
        if (st.via === "scan" && r?.passSeq && r.outAt !== null) {
          // Scanning someone outside brings them in.
          const res = await scan(passCode(key, r.passSeq).code);
          trace.push(`${JSON.stringify(st)} → scan ${res.status} ${res.body?.direction ?? res.body?.error?.reason}`);
          if (res.status !== 201 || res.body.direction !== "in") fail(`a scan of someone outside: ${res.status} ${res.body.direction}`);
          Object.assign(r, { outAt: null, returnBy: null });
          continue;
        }
        const res =
          st.via === "scan" && r?.passSeq
            ? await scan(passCode(key, r.passSeq).code)
            : await post("gate.out", { requestId: id }, st.via === "event" ? new Date(at).toISOString() : undefined);
        const after = Date.now();
        trace.push(`${JSON.stringify(st)} → ${res.status} ${res.body?.error?.reason ?? ""}`);
        const want = !r
          ? "request_unknown"
          : r.passSeq === null
            ? "no_pass"
            : r.outAt !== null
              ? "already_out"
              : r.until! < before
                ? "pass_expired"
                : r.until! >= after
                  ? "ok"
                  : "either";
        const got = res.status === 201 ? "ok" : res.body?.error?.reason;
        if (!(got === want || (want === "either" && (got === "ok" || got === "pass_expired")))) fail(`out: got ${got}, model ${want}`);
        if (got !== "ok" || !r) continue;
        const outAt = st.via === "scan" ? null : at;
        r.status = "fulfilled";
        r.outAt = outAt ?? before;
        r.returnBy =
          st.via === "scan"
            ? res.body.returnBy
              ? Date.parse(res.body.returnBy)
              : null
            : r.tripHours === null
              ? null
              : at + r.tripHours * HOUR;
      } else {
        const res = st.via === "scan" && r?.passSeq ? await scan(passCode(key, r.passSeq).code) : await post("gate.in", { requestId: id });
        trace.push(`${JSON.stringify(st)} → ${res.status} ${res.body?.error?.reason ?? ""}`);
        if (st.via === "scan" && r?.passSeq && r.outAt === null) {
          // A scan of someone inside is an out: the model's out rule judges it.
          const after = Date.now();
          const want = r.until! < before ? "pass_expired" : r.until! >= after ? "ok" : "either";
          const got = res.status === 201 ? "ok" : res.body?.error?.reason;
          if (!(got === want || (want === "either" && (got === "ok" || got === "pass_expired"))))
            fail(`scan-in as out: got ${got}, model ${want}`);
          if (got === "ok")
            Object.assign(r, { status: "fulfilled", outAt: before, returnBy: res.body.returnBy ? Date.parse(res.body.returnBy) : null });
          continue;
        }
        const want = r && r.outAt !== null ? 201 : 409;
        if (res.status !== want) fail(`in answered ${res.status}, model ${want}`);
        if (want === 201 && r) Object.assign(r, { outAt: null, returnBy: null });
      }
      // The counts: outsideNow exactly, overdue as the clock stood between the read's start and end.
      const t0 = Date.now();
      const counts = (await s.snapshot(community)).counts;
      const t1 = Date.now();
      const out = [...model.values()].filter((m) => m.outAt !== null);
      const lo = out.filter((m) => m.returnBy !== null && m.returnBy < t0 - 5).length;
      const hi = out.filter((m) => m.returnBy !== null && m.returnBy < t1 + 5).length;
      if (counts.outsideNow !== out.length) fail(`outsideNow ${counts.outsideNow}, model ${out.length}`);
      if (counts.overdue < lo || counts.overdue > hi) fail(`overdue ${counts.overdue}, model between ${lo} and ${hi}`);
    }
    // From the feed alone: never two outs without an in, never an in without an out, every out within its pass's until.
    const feed = (await readFeedAfter(s, head0)).filter((e) => e.community === community) as (Awaited<
      ReturnType<typeof readFeedAfter>
    >[number] & { recordedAt: string })[];
    const outside = new Set<string>();
    const rows = await s.app.handle.db.select().from(requests).where(eq(requests.community, community));
    const until = new Map(rows.map((x) => [x.requestId, x.passUntil?.getTime() ?? null]));
    for (const e of feed) {
      const rid = String(e.payload.requestId);
      if (e.type === "gate.out") {
        if (outside.has(rid)) fail(`seq ${e.seq}: a second out without an in`);
        const u = until.get(rid);
        if (u === null || u === undefined || Date.parse(e.recordedAt) > u) fail(`seq ${e.seq}: out without a valid pass`);
        outside.add(rid);
      } else if (e.type === "gate.in") {
        if (!outside.delete(rid)) fail(`seq ${e.seq}: in without an out`);
      }
    }
    const report = await verifyProjections(s.app.handle.db);
    if (report.differences.length > 0) fail(`verify: ${JSON.stringify(report.differences.slice(0, 5))}`);
  }

  it("GATE6 random approvals, scans, backdated trips and overrides: answers as the model says, outsideNow and overdue equal to it, the feed never lets anyone out without a valid pass or twice, verify equal", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(gateStep, { minLength: 8, maxLength: 30 }), (steps) => run(steps)),
      fcOptions(15),
    );
  }, 300_000);
});
