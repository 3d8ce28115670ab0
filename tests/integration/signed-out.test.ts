// Why: revoked phones behind one address (a shared NAT, the office Wi-Fi) retrying for ever must not shut out the secretary there.
import { Agent } from "node:http";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { rawRequest, signInCookie } from "../support/raw-http";
import { ADMIN, startTestServer, type TestServer } from "../support/server";
import { waitFor } from "../support/wait";

const ready = await engineReady();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const LIMIT = 10;

/** A socket handshake from `from` with `token`: the refusal's data, or "connected". */
function handshake(url: string, token: string, from: string): Promise<{ reason?: string } | "connected"> {
  const socket = io(url, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    agent: new Agent({ localAddress: from }) as never,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (err) => {
      socket.close();
      resolve((err as Error & { data?: { reason?: string } }).data ?? {});
    });
  });
}

describe.skipIf(!ready)(`SIGNOUT: revoked phones on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ AUTH_FAILURE_LIMIT: String(LIMIT) });
  });
  afterAll(() => s?.close());

  it("SIGNOUT1 20 revoked phones behind one address retrying (API, cookie, sign-in link, socket) never get the secretary there a 429; they get 401 sign_in_revoked", async () => {
    const from = "127.0.0.21";
    const phones: { token: string; cookie: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await s.api("/api/tokens", { method: "POST", json: { role: "volunteer", label: `phone ${i}` } });
      const minted = (await r.json()) as { token: string; id: string };
      phones.push({ token: minted.token, cookie: await signInCookie(s.url, minted.token) });
      expect((await s.api(`/api/tokens/${minted.id}`, { method: "DELETE" })).status).toBe(200);
    }
    // A revocation reaches every check within 2 s (contract section 2): wait for it, from another address.
    await waitFor(
      async () => {
        for (const p of phones) if ((await s.api("/api/session", { token: p.token })).status !== 401) return false;
        return true;
      },
      "every revoked phone refused",
      30_000,
    );
    // Each phone's outbox and screen keep trying: far more than the address's budget of failures.
    for (let round = 0; round < 2; round++) {
      for (const p of phones) {
        const viaBearer = await rawRequest(s.url, {
          method: "POST",
          path: "/api/events",
          headers: { ...bearer(p.token), "content-type": "application/json" },
          body: JSON.stringify({ type: "volunteer.checked_out", payload: { volunteerId: "v1" } }),
          localAddress: from,
        });
        expect(viaBearer.status, viaBearer.text).toBe(401);
        expect(JSON.parse(viaBearer.text).error).toMatchObject({ code: "unauthorized", reason: "sign_in_revoked" });
        const viaCookie = await rawRequest(s.url, {
          method: "GET",
          path: "/api/session",
          headers: { cookie: p.cookie },
          localAddress: from,
        });
        expect(viaCookie.status).toBe(401);
        expect(JSON.parse(viaCookie.text).error.reason).toBe("sign_in_revoked");
        const link = await rawRequest(s.url, { method: "GET", path: `/console?token=${p.token}`, localAddress: from });
        expect(link.status).toBe(401);
        expect(await handshake(s.url, p.token, from)).toMatchObject({ reason: "sign_in_revoked" });
      }
    }
    // The secretary on the same Wi-Fi is served, over HTTP and socket.
    const secretary = await rawRequest(s.url, { method: "GET", path: "/api/snapshot", headers: bearer(ADMIN), localAddress: from });
    expect(secretary.status).toBe(200);
    expect(await handshake(s.url, ADMIN, from)).toBe("connected");
  });

  it("SIGNOUT2 a token that never existed still counts as a guess: unknown tokens answer no_token and close the door after the limit", async () => {
    const from = "127.0.0.22";
    for (let i = 0; i < LIMIT; i++) {
      const r = await rawRequest(s.url, { method: "GET", path: "/api/snapshot", headers: bearer(`guess-${i}`), localAddress: from });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.text).error.reason).toBe("no_token");
    }
    const shut = await rawRequest(s.url, { method: "GET", path: "/api/snapshot", headers: bearer(ADMIN), localAddress: from });
    expect(shut.status).toBe(429);
  });
});
