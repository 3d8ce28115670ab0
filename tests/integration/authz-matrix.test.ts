// Why: contract section 2 as one table: every route, event type and socket entry point × every kind of caller (AUTHZ1–AUTHZ5).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../server/protocol/events";
import { ROLES, type Role } from "../../server/protocol/vocabularies";
import {
  BATCH_TABLE,
  CALLERS,
  type Call,
  type Caller,
  COMMUNITY,
  type Effect,
  EVENT_TABLE,
  expected,
  FOREIGN,
  get,
  isRole,
  matrixFile,
  mintId,
  OTHER_PORT,
  OWN,
  READ_VARIANTS,
  ROUTE_TABLE,
  type Scenario,
  type Variant,
  WRITE_VARIANTS,
} from "../support/authz-contract";
import { type Cell, inPool, Matrix, status } from "../support/authz-matrix";
import { handshake, type Probe, probe, subscribe } from "../support/authz-sockets";
import { ENGINE, engineReady } from "../support/db";
import { plainPng } from "../support/documents";
import { PERSONAL, smallCompound } from "../support/fixtures";
import { rawRequest, signInCookie } from "../support/raw-http";
import { servedRoutes, specKey } from "../support/served-routes";
import { startTestServer, type TestServer } from "../support/server";
import { waitFor } from "../support/wait";
import { personalIn, personalRequest } from "../support/wall";

const ready = await engineReady();
const REVOKE_WITHIN_MS = 2000;
/** One polling round (50 ms and a request) on top of the 2 s, so the measurement does not fail a revocation at 1,999 ms. */
const POLL_GRACE_MS = 100;

describe.skipIf(!ready)(`AUTHZ: the authorisation matrix on ${ENGINE}`, () => {
  let s: TestServer;
  const token: Partial<Record<Caller, string>> = { bad: "not-a-token-0123456789abcdef" };
  const cookie: Partial<Record<Caller, string>> = { bad: "cordon_session=not-a-sealed-session" };
  let victimId = "";
  let otherPort = "";
  let revocation: Promise<number> | undefined;
  let n = 0;

  /** Revokes the `revoked` caller's token, once; resolves with the time just before the DELETE. */
  function revoke(): Promise<number> {
    revocation ??= (async () => {
      const t0 = Date.now();
      expect((await s.api(`/api/tokens/${victimId}`, { method: "DELETE" })).status).toBe(200);
      return t0;
    })();
    return revocation;
  }

  /** The `revoked` caller is ready once the API refuses its token. */
  async function revoked(): Promise<void> {
    await revoke();
    await waitFor(async () => (await s.api("/api/session", { token: token.revoked })).status === 401, "the revoked token's 401");
  }

  function send(caller: Caller, v: Variant, call: Call, bearer?: string) {
    const headers: Record<string, string> = {};
    const credential = v.via === "bearer" ? (bearer ?? token[caller]) : cookie[caller];
    if (credential && v.via === "bearer") headers.authorization = `Bearer ${credential}`;
    if (credential && v.via === "cookie") headers.cookie = credential;
    const origin = v.origin === OWN ? s.url : v.origin === OTHER_PORT ? otherPort : v.origin;
    if (origin) headers.origin = origin;
    if (v.type) headers["content-type"] = v.type;
    return rawRequest(s.url, {
      method: call.method,
      path: call.path,
      headers,
      body: call.json === undefined ? undefined : JSON.stringify(call.json),
    });
  }

  /** Marks cells whose answer and effect disagree: a 2xx that left nothing, or a refusal that changed something. */
  async function checkEffects(cells: { cell: Cell; effect?: Effect }[]): Promise<void> {
    const ids = new Set<string>();
    for (let after: number | null = 0; after !== null; ) {
      const page = (await (await s.api(`/api/events?after=${after}&limit=1000`)).json()) as {
        events: { id: string }[];
        next: number | null;
      };
      for (const e of page.events) ids.add(e.id);
      after = page.next;
    }
    const tokens = ((await (await s.api("/api/tokens")).json()) as { tokens: { id: string; label: string; revokedAt: string | null }[] })
      .tokens;
    for (const { cell, effect } of cells) {
      if (!effect) continue;
      const done =
        effect.kind === "events"
          ? effect.ids.filter((id) => ids.has(id)).length / effect.ids.length
          : effect.kind === "minted"
            ? Number(tokens.some((t) => t.label === effect.label))
            : Number(tokens.some((t) => t.id === effect.tokenId && t.revokedAt !== null));
      const ok = /^2\d\d$/.test(cell.got);
      if (ok && done < 1) cell.got += " without effect";
      if (!ok && done > 0) cell.got += " but changed state";
    }
  }

  beforeAll(async () => {
    s = await startTestServer();
    otherPort = `http://127.0.0.1:${s.app.port === 65535 ? s.app.port - 1 : s.app.port + 1}`;
    expect(
      (await s.post({ events: [...smallCompound(COMMUNITY), { ...personalRequest("q-personal"), community: COMMUNITY }] })).status,
    ).toBe(201);
    for (const role of ROLES) token[role] = (await mintId(s, role, `matrix ${role}`)).token;
    // Not the picture the POST /api/files cells send: a volunteer uploading those bytes would be their uploader.
    const picture = (await plainPng([1, 2, 3])).toString("base64");
    const up = await s.api(`/api/files?community=${COMMUNITY}`, { method: "POST", json: { file: picture } });
    matrixFile.id = ((await up.json()) as { fileId: string }).fileId;
    const named = { requestId: "q-personal", document: "commitment_letter", fileId: matrixFile.id };
    expect((await s.post({ type: "request.document_added", community: COMMUNITY, payload: named })).status).toBe(201);
    const victim = await mintId(s, "volunteer", "matrix victim");
    victimId = victim.id;
    token.revoked = victim.token;
    for (const c of CALLERS) if (isRole(c) || c === "revoked") cookie[c] = await signInCookie(s.url, token[c] ?? "");
  });
  afterAll(() => s?.close());

  it("AUTHZ1 the tables name every served route, every event type and every role", async () => {
    const served = await servedRoutes();
    const table = ROUTE_TABLE.map((r) => specKey(r.spec));
    expect([...table].sort(), "ROUTE_TABLE must list exactly the routes in server/http/api.ts ROUTES").toEqual(
      served.map((r) => r.key).sort(),
    );
    expect(Object.keys(EVENT_TABLE).sort()).toEqual([...EVENT_TYPES].sort());
    expect(CALLERS.filter(isRole).sort()).toEqual([...ROLES].sort());
  });

  it("AUTHZ2 a revoked token gets 401 on HTTP and its open sockets are disconnected within 2 s", async () => {
    const m = new Matrix("AUTHZ2 revoked token, from DELETE /api/tokens/:id");
    const viaToken = probe(s.url, { token: token.revoked });
    const viaCookie = probe(s.url, { cookie: cookie.revoked, origin: s.url });
    try {
      expect((await subscribe(viaToken, { community: COMMUNITY })).ok).toBe(true);
      expect((await subscribe(viaCookie, { community: COMMUNITY, wall: true })).ok).toBe(true);
      for (const v of READ_VARIANTS) expect((await send("revoked", v, { method: "GET", path: "/api/session" })).status).toBe(200);
      const t0 = await revoke();
      const checks: [string, string, () => Promise<string>][] = [
        ["HTTP Bearer", "401", async () => String((await send("revoked", READ_VARIANTS[0] as Variant, get("/api/session")())).status)],
        ["HTTP cookie", "401", async () => String((await send("revoked", READ_VARIANTS[1] as Variant, get("/api/session")())).status)],
        ["socket auth.token", "disconnected", async () => viaToken.state()],
        ["socket cookie", "disconnected", async () => viaCookie.state()],
      ];
      await Promise.all(
        checks.map(async ([col, want, check]) => {
          const cell = m.add("within 2 s", col, {
            label: `${want} ≤ ${REVOKE_WITHIN_MS} ms`,
            accepts: (g) => g.startsWith(`${want} after`),
          });
          let last = "";
          const reached = async () => {
            last = await check();
            return last === want;
          };
          const hit = await waitFor(reached, col, REVOKE_WITHIN_MS + POLL_GRACE_MS - (Date.now() - t0), 50).catch(() => false);
          cell.got = `${hit ? want : `still ${last}`} after ${Date.now() - t0} ms`;
        }),
      );
    } finally {
      viaToken.socket.close();
      viaCookie.socket.close();
    }
    expect(m.failures().length, m.render()).toBe(0);
  });

  it("AUTHZ3 every route × caller × credential: 401, 403 or 2xx as the contract says; cookie writes need own Origin and JSON", async () => {
    await revoked();
    const m = new Matrix("AUTHZ3 route · credential × caller (got, or ✗ got≠expected)");
    const jobs = ROUTE_TABLE.flatMap((row) =>
      (row.spec.startsWith("GET ") ? READ_VARIANTS : WRITE_VARIANTS).flatMap((v) => CALLERS.map((caller) => ({ row, v, caller }))),
    );
    const cells = await inPool(jobs, 8, async ({ row, v, caller }) => {
      const call = await row.call(n++, s);
      const cell = m.add(`${row.spec} · ${v.name}`, caller, expected(row.allowed, caller, v, row.refusedAs));
      const r = await send(caller, v, call);
      cell.got = String(r.status);
      const leaked = caller === "display" && r.status < 300 ? personalIn(r.text) : [];
      if (leaked.length > 0) cell.got += ` with ${leaked.join(", ")}`;
      return { cell, effect: call.effect };
    });
    await checkEffects(cells);
    expect(m.failures().length, m.render()).toBe(0);
  });

  it("AUTHZ4 every event type × caller: a volunteer's eight types, a resident's three, all for the secretary, none for a display, demo.loaded for no one", async () => {
    await revoked();
    const m = new Matrix("AUTHZ4 event type × caller (Bearer; got, or ✗ got≠expected)");
    const rows = [
      ...Object.entries(EVENT_TABLE).map(([type, sc]: [string, Scenario]) => ({
        name: type,
        allowed: sc.allowed,
        setup: sc.setup ?? [],
        stateStatus: sc.stateStatus,
        othersStatus: sc.othersStatus,
        events: [{ type, payload: sc.payload }],
      })),
      ...BATCH_TABLE.map((b) => ({ ...b, setup: [], stateStatus: undefined, othersStatus: undefined })),
    ];
    const jobs = rows.flatMap((row, i) => CALLERS.map((caller) => ({ row, caller, community: `ev${i}-${caller}` })));
    const cells = await inPool(jobs, 8, async ({ row, caller, community }) => {
      const byState = row.stateStatus && isRole(caller) && Array.isArray(row.allowed) && row.allowed.includes(caller);
      // An undo by a volunteer of what the secretary recorded passes the permission check and is refused by the rule.
      const byOwner = row.othersStatus && caller === "volunteer";
      const cell = m.add(
        row.name,
        caller,
        byState ? status(row.stateStatus as number) : byOwner ? status(row.othersStatus as number) : expected(row.allowed, caller),
      );
      if (isRole(caller))
        expect((await s.post({ events: [...smallCompound(community), ...row.setup.map((e) => ({ ...e, community }))] })).status).toBe(201);
      // Each cell has its own compound, and a role's caller a token of that compound (v1.2; a resident's for its h1, registered above).
      const credential = isRole(caller) ? (await mintId(s, caller, `matrix ${caller} ${community}`, community)).token : token[caller];
      const events = row.events.map((e) => ({ id: randomUUID(), community, ...e }));
      const body = events.length === 1 ? events[0] : { events };
      const r = await send(caller, WRITE_VARIANTS[0] as Variant, { method: "POST", path: "/api/events", json: body }, credential);
      cell.got = String(r.status);
      return { cell, effect: { kind: "events", ids: events.map((e) => e.id) } as Effect };
    });
    await checkEffects(cells);
    expect(m.failures().length, m.render()).toBe(0);
  });

  it("AUTHZ5 Socket.IO × caller: the handshake needs a valid token or an own-origin cookie; any role subscribes; a display gets no personal data", async () => {
    await revoked();
    const m = new Matrix("AUTHZ5 socket × caller (got, or ✗ got≠expected)");
    const handshakes: [string, (c: Caller) => { token?: string; cookie?: string; origin?: string }, string][] = [
      ["handshake, auth.token", (c) => ({ token: token[c] }), "connected"],
      ["handshake, cookie, own Origin", (c) => ({ cookie: cookie[c], origin: s.url }), "connected"],
      ["handshake, cookie, foreign Origin", (c) => ({ cookie: cookie[c], origin: FOREIGN }), "refused"],
      ["handshake, cookie, same host other port", (c) => ({ cookie: cookie[c], origin: otherPort }), "refused"],
    ];
    const jobs = handshakes.flatMap(([name, opts, roles]) =>
      CALLERS.map((c) => ({ name, opts: opts(c), want: isRole(c) ? roles : "refused", c })),
    );
    await inPool(jobs, 8, async ({ name, opts, want, c }) => {
      m.add(name, c, { label: want, accepts: (g) => g === want }).got = await handshake(s.url, opts);
    });

    const subscribers: { row: string; caller: Role; wall: boolean; p: Probe; ack: Promise<{ ok: boolean; error?: string }> }[] = [];
    for (const wall of [false, true])
      for (const caller of ROLES) {
        const p = probe(s.url, { token: token[caller] });
        subscribers.push({
          row: `subscribe${wall ? " wall:true" : ""}`,
          caller,
          wall,
          p,
          ack: subscribe(p, { community: COMMUNITY, wall }),
        });
      }
    try {
      const acks = await Promise.all(subscribers.map((x) => x.ack));
      const contact = { name: PERSONAL.name, phone: PERSONAL.phone };
      const personal = [
        { ...personalRequest("q-socket", "h2", true), community: COMMUNITY },
        {
          type: "household.registered",
          community: COMMUNITY,
          payload: { householdId: "h8", buildingId: "b2", unit: "208", residents: 1, contact },
        },
        {
          type: "volunteer.registered",
          community: COMMUNITY,
          payload: { volunteerId: "v8", name: "Chen Jie 陈杰", phone: "13700137000", skills: [] },
        },
      ];
      expect((await s.post({ events: personal })).status).toBe(201);
      const head = (await s.snapshot(COMMUNITY)).seq as number;
      const seen = (x: (typeof subscribers)[number], event: string) =>
        x.p.socket.received.some((f) => f.event === event && (f.data as { seq: number }).seq === head);
      await waitFor(
        () => subscribers.every((x) => x.caller === "resident" || (x.p.socket.latest()?.seq === head && (!x.wall || seen(x, "wall")))),
        "every subscriber at the head of the feed",
      ).catch(() => null);
      subscribers.forEach((x, i) => {
        const got = ["snapshot", "wall"].filter((e) => x.p.socket.received.some((f) => f.event === e)).join("+") || "nothing";
        const leaked = x.caller === "display" || x.caller === "street" ? personalIn(x.p.frames.join("\n")) : [];
        if (x.p.frames.length === 0) leaked.push("no raw frames recorded");
        // A household's token follows its own requests over HTTP: the community's room is refused to it.
        const want = x.caller === "resident" ? "refused" : x.wall ? "snapshot+wall" : "snapshot";
        const cell = m.add(x.row, x.caller, { label: want, accepts: (g) => g === want });
        cell.got =
          x.caller === "resident" && !acks[i]?.ok && got === "nothing"
            ? "refused"
            : `${acks[i]?.ok ? "" : `nack(${acks[i]?.error}) `}${got}${x.p.socket.latest()?.seq === head ? "" : " behind"}${leaked.length ? ` with ${leaked.join(", ")}` : ""}`;
      });
    } finally {
      for (const x of subscribers) x.p.socket.close();
    }
    expect(m.failures().length, m.render()).toBe(0);
  });
});
