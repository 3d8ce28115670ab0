// Why: FUZZ1–FUZZ3: thousands of malformed bodies, requests and socket messages; a 4xx with the error model or a clean disconnect, never a 5xx or a change.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { fcOptions } from "../support/fc-options";
import { smallCompound } from "../support/fixtures";
import { type Body, batchBody, brokenBody, oddDateBody, unstorableBody } from "../support/fuzz-bodies";
import { errorModel, judge, readState, send } from "../support/fuzz-http";
import { hugeBody, invalidUtf8Body, notJsonBody, oddRequest, wrongTypeBody } from "../support/fuzz-raw";
import { openSocket, play, probe, socketMove } from "../support/fuzz-socket";
import { TEMPLATES } from "../support/fuzz-templates";
import { startTestServer, type TestServer } from "../support/server";
import type { TestSocket } from "../support/socket";

const ready = await engineReady();

describe.skipIf(!ready)(`FUZZ: malformed input on ${ENGINE}`, () => {
  let s: TestServer;
  /** The feed head and the default community's snapshot before any fuzzing. */
  let state: string;
  let sent = 0;

  beforeAll(async () => {
    s = await startTestServer();
    for (const community of ["default", "ctl"]) {
      expect((await s.post({ events: smallCompound(community) })).status).toBe(201);
      const q1 = await s.post({ type: "request.opened", community, payload: { requestId: "q1", householdId: "h1", kind: "leave" } });
      expect(q1.status).toBe(201);
    }
    // Control: every template, unbroken, passes the schema (201, or 409 from the state), so what the fuzzer breaks is what is refused.
    for (const [i, t] of TEMPLATES.entries()) {
      const r = await s.post({ ...t.event, id: `ctl-${i}`, community: "ctl" });
      expect([201, 409], `template ${i} ${JSON.stringify(t.event)}: ${JSON.stringify(r.body)}`).toContain(r.status);
    }
    state = await readState(s);
  });
  afterAll(async () => {
    console.log(`FUZZ on ${ENGINE}: ${sent} malformed requests and socket moves`);
    await s?.close();
  });

  /** Nothing a refused request did may show: same feed head, same snapshot. Re-baselines, so the next run (a shrink) is judged on its own. */
  async function changes(): Promise<string | null> {
    const now = await readState(s);
    if (now === state) return null;
    const before = state;
    state = now;
    return `the state changed:\n before ${before}\n after  ${now}`;
  }

  /** Throws what went wrong in one run: wrong answers first, then a change of state. */
  async function verdict(wrong: string[], what: string): Promise<void> {
    const changed = await changes();
    if (wrong.length > 0 || changed) throw new Error([...wrong, ...(changed ? [`${changed}\n after ${what}`] : [])].join("\n"));
  }

  /** Posts 1–6 bodies at once per run; each must get an allowed status with the error model; then nothing may have changed. */
  async function refuses(arb: fc.Arbitrary<Body>, runs: number): Promise<void> {
    const labelled = arb.map((b) => Object.assign(b, { [fc.toStringMethod]: () => `<${b.what}>` }));
    await fc.assert(
      fc.asyncProperty(fc.limitShrink(fc.array(labelled, { minLength: 1, maxLength: 6 }), 40), async (list) => {
        const answers = await Promise.all(list.map((b) => send(s, b)));
        sent += list.length;
        const wrong = list.flatMap((b, i) => {
          const w = judge(answers[i]!, b.expect, b.badIndex);
          return w ? [`${b.what}\n    → ${w}`] : [];
        });
        await verdict(wrong.length > 0 ? [`refused wrongly:\n  ${wrong.join("\n  ")}`] : [], list.map((b) => b.what).join("; "));
      }),
      fcOptions(runs),
    );
  }

  it("FUZZ1 an event broken in one place (missing, mistyped, out of range, unknown key or type, deep) is a 400 with the error model; nothing changes", async () => {
    await refuses(brokenBody, 300);
  });

  it("FUZZ1 NUL or a lone surrogate in any string value is a 400, not a 500", async () => {
    await refuses(unstorableBody, 60);
  });

  it("FUZZ1 odd dates (year 0000 or 99999, Feb 30, 24:00:01, no zone, the future) are a 400", async () => {
    await refuses(oddDateBody, 60);
  });

  it("FUZZ1 a batch with one bad event is a 400 naming its index; a malformed batch is a 400", async () => {
    await refuses(batchBody, 100);
  });

  it("FUZZ2 not JSON, blank, or under another content type: a 400/413/415 with the error model", async () => {
    await refuses(notJsonBody, 100);
    await refuses(wrongTypeBody, 100);
  });

  it("FUZZ2 over 1 MiB is a 413; nesting far deeper than any event is a 400", async () => {
    await refuses(hugeBody, 6);
  });

  it("FUZZ2 bytes that are not UTF-8 inside a string are a 400, never stored as U+FFFD", async () => {
    await refuses(invalidUtf8Body, 10);
  });

  it("FUZZ2 any method on /api/ paths with malformed % escapes: never a 5xx; a 4xx carries the error model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.limitShrink(fc.array(oddRequest, { minLength: 1, maxLength: 6 }), 40), async (list) => {
        const answers = await Promise.all(
          list.map((r) => send(s, { what: "", data: "", contentType: null, expect: [] }, r.path, r.method)),
        );
        sent += list.length;
        const wrong = list.flatMap((r, i) => {
          const a = answers[i]!;
          const w = a.status >= 500 ? `status ${a.status}: ${a.text.slice(0, 200)}` : a.status >= 400 ? errorModel(a) : null;
          return w ? [`${r.method} ${r.path} → ${w}`] : [];
        });
        await verdict(wrong, list.map((r) => `${r.method} ${r.path}`).join("; "));
      }),
      fcOptions(60),
    );
  });

  it("FUZZ3 Socket.IO garbage (subscribe payloads, acks, unknown events, raw packets, huge frames) is answered or cut cleanly; the server stays well", async () => {
    // A fresh socket per run: the server allows a socket 10 subscribe calls in 10 s, and a run makes at most 9.
    await fc.assert(
      fc.asyncProperty(fc.limitShrink(fc.array(socketMove, { minLength: 1, maxLength: 4 }), 20), async (moves) => {
        const wrong: string[] = [];
        let sock: TestSocket = await openSocket(s.url);
        try {
          for (const m of moves) {
            if (sock.disconnected) {
              sock.close();
              sock = await openSocket(s.url);
            }
            const w = await play(sock, m);
            sent += 1;
            if (w) wrong.push(`${m.kind}: ${w}`);
            // After anything but a subscribe (which play saw answered), settle: the socket answers a valid subscribe, or
            // it is gone, which only raw packets and huge frames may cause.
            else if (m.kind !== "subscribe" && !(await probe(sock)) && m.kind === "event")
              wrong.push(`${JSON.stringify(m)} cost the connection`);
            if (wrong.length > 0) break;
          }
          if (wrong.length === 0) {
            if (sock.disconnected) {
              sock.close();
              sock = await openSocket(s.url);
            }
            if (!(await probe(sock))) wrong.push("the socket does not answer a valid subscribe after the run");
          }
        } finally {
          sock.close();
        }
        await verdict(wrong, `socket moves ${moves.map((m) => m.kind).join(", ")}`);
      }),
      fcOptions(150),
    );
  });
});
