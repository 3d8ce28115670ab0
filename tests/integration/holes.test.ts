// Why: the smaller holes of issue 15 (item 10), each reproduced against a running server: redirect, origin scheme, notes, sockets, framing.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { rawRequest, signInCookie } from "../support/raw-http";
import { ADMIN, startTestServer, type TestServer } from "../support/server";
import { connect, connected, type TestSocket } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();
const MOBILE = "13900139000";
const ID_NUMBER = "11010519491231002X";

describe.skipIf(!ready)(`HOLE: smaller holes on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SOCKETS_PER_TOKEN: "3" });
    const r = await s.post({ events: smallCompound() });
    expect(r.status).toBe(201);
  });
  afterAll(() => s?.close());

  it("HOLE1 a sign-in link on /.//evil.example/ (or with backslashes) redirects to a path on this origin, never to //host", async () => {
    for (const path of [
      `/.//evil.example/?token=${ADMIN}`,
      `/.///evil.example/?token=${ADMIN}`,
      `/./\\evil.example/x?token=${ADMIN}&a=1`,
    ]) {
      // The request line exactly as a proxy forwarding raw paths would send it (a URL object would fold the dots away).
      const location = await new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(s.url);
        const req = request({ host: hostname, port, path, agent: false }, (res) => {
          res.resume();
          expect(res.statusCode, path).toBe(303);
          resolve(String(res.headers.location));
        });
        req.on("error", reject);
        req.end();
      });
      expect(location, path).toMatch(/^\/(?![/\\])/);
      // Resolved by a browser against the server, it stays on the server.
      expect(new URL(location, s.url).origin, path).toBe(new URL(s.url).origin);
    }
    expect((await rawRequest(s.url, { method: "GET", path: `/wall?token=${ADMIN}&lang=zh-CN` })).headers.location).toBe("/wall?lang=zh-CN");
  });

  it("HOLE2 the cookie's origin check compares the scheme: https://host is refused for an http server, unless a proxy says https", async () => {
    const cookie = await signInCookie(s.url, ADMIN);
    const host = new URL(s.url).host;
    let n = 0;
    const post = (origin: string, extra: Record<string, string> = {}) =>
      rawRequest(s.url, {
        method: "POST",
        path: "/api/events",
        headers: { cookie, origin, "content-type": "application/json", ...extra },
        body: JSON.stringify({ type: "building.registered", payload: { buildingId: `o${++n}`, label: "x" } }),
      });
    const wrong = await post(`https://${host}`);
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.text).error.reason).toBe("cookie_wrong_origin");
    expect((await post(`http://${host}`)).status).toBe(201);
    expect((await post(`https://${host}`, { "x-forwarded-proto": "https" })).status).toBe(201);
    expect((await post(`http://${host}`, { "x-forwarded-proto": "https" })).status).toBe(403);
    const socket = connect(s.url, { cookie, origin: `https://${host}` });
    await expect(connected(socket)).rejects.toThrow(/unauthorized/);
    socket.close();
  });

  it("HOLE3 mobile and ID numbers written in a request's note reach a volunteer masked; the secretary reads them whole", async () => {
    const note = `call her son on ${MOBILE} or 139 0013 9000, ID ${ID_NUMBER}; room code 1234`;
    const opened = await s.post({
      type: "request.opened",
      payload: { requestId: "masked-note", householdId: "h1", kind: "medicine", note, person: `Wang ${MOBILE}` },
    });
    expect(opened.status).toBe(201);
    const read = async (token: string) =>
      (
        (await (await s.api("/api/requests", { token })).json()) as { requests: { requestId: string; note: string; person: string }[] }
      ).requests.find((r) => r.requestId === "masked-note");
    expect((await read(ADMIN))?.note).toBe(note);
    const volunteer = await read(await s.mint("volunteer"));
    expect(volunteer?.note).toBe("call her son on *******9000 or *** **** 9000, ID **************002X; room code 1234");
    expect(JSON.stringify(volunteer)).not.toContain(MOBILE);
    expect(JSON.stringify(volunteer)).not.toContain("0013");
    // A seal's reason is free text a volunteer reads in the registry.
    expect((await s.post({ type: "building.sealed", payload: { buildingId: "b2", reason: `positive, call ${MOBILE}` } })).status).toBe(201);
    const registry = (await (await s.api("/api/registry", { token: await s.mint("volunteer") })).json()) as {
      buildings: { buildingId: string; sealedReason: string | null }[];
    };
    expect(registry.buildings.find((b) => b.buildingId === "b2")?.sealedReason).toBe("positive, call *******9000");
  });

  it("HOLE4 one token holds at most SOCKETS_PER_TOKEN sockets per node: the next handshake is refused with too_many_sockets; a closed one frees its place", async () => {
    const token = await s.mint("display");
    const open: TestSocket[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = connect(s.url, { token });
      await connected(socket);
      open.push(socket);
    }
    const extra = connect(s.url, { token });
    const refused = await connected(extra).then(
      () => null,
      (err: Error & { data?: { reason?: string; params?: unknown } }) => err,
    );
    extra.close();
    expect(refused?.message).toMatch(/^rate_limited/);
    expect(refused?.data).toMatchObject({ reason: "too_many_sockets", params: { limit: 3 } });
    // Another token is not affected.
    const other = connect(s.url, { token: await s.mint("display") });
    await connected(other);
    other.close();
    open.pop()?.close();
    await waitFor(
      async () => {
        const again = connect(s.url, { token });
        const ok = await connected(again).then(
          () => true,
          () => false,
        );
        if (ok) open.push(again);
        else again.close();
        return ok;
      },
      "the closed socket's place to be given back",
      30_000,
      100,
    );
    for (const socket of open) socket.close();
  });

  it("HOLE5 pages, sign-in answers and API answers may be framed only by Cordon itself (CSP frame-ancestors 'self', X-Frame-Options)", async () => {
    const answers = [
      await rawRequest(s.url, { method: "GET", path: "/api/snapshot", headers: { authorization: `Bearer ${ADMIN}` } }),
      await rawRequest(s.url, { method: "GET", path: "/api/snapshot" }),
      await rawRequest(s.url, { method: "GET", path: "/api/health" }),
      await rawRequest(s.url, { method: "GET", path: `/wall?token=${ADMIN}` }),
      await rawRequest(s.url, { method: "GET", path: "/wall?token=nope" }),
      await rawRequest(s.url, { method: "GET", path: "/people" }),
    ];
    for (const r of answers) {
      expect(r.headers["content-security-policy"]).toBe("frame-ancestors 'self'");
      expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
    }
  });
});
