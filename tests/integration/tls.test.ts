// Why: phones need HTTPS for the offline console; given TLS_CERT and TLS_KEY the server speaks it itself, pages, API and Socket.IO alike.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { ADMIN, startTestServer, type TestServer } from "../support/server";

/** A self-signed certificate for 127.0.0.1, made the way docs/deploy.md tells a committee to make one; null without openssl. */
function selfSigned(dir: string): { cert: string; key: string } | null {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=cordon-test"].concat([
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
      ]),
      { stdio: "ignore" },
    );
    return { cert, key };
  } catch (err) {
    // Node's crypto makes keys but not certificates: without openssl this test cannot run. CI installs it.
    if (process.env.CI === "true") throw new Error(`CI needs openssl to make a test certificate: ${(err as Error).message}`);
    console.warn(`SKIPPED TLS1: openssl is not installed, so no certificate can be made (${(err as Error).message})`);
    return null;
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "cordon-tls-"));
const files = (await engineReady()) ? selfSigned(dir) : null;

/** A GET over HTTPS that trusts only the test's own certificate (so the name and chain are really checked). */
function get(url: string, ca: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request(url, { ca, headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (c) => {
        text += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.skipIf(!files)(`TLS: HTTPS served directly on ${ENGINE}`, () => {
  let s: TestServer;
  let ca: Buffer;
  beforeAll(async () => {
    if (!files) return;
    ca = readFileSync(files.cert);
    s = await startTestServer({ TLS_CERT: files.cert, TLS_KEY: files.key });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("TLS1 with TLS_CERT and TLS_KEY the server answers over HTTPS: health, the API, a sign-in link with a Secure cookie, and Socket.IO", async () => {
    expect(s.app.url).toMatch(/^https:\/\//);
    const url = `https://127.0.0.1:${s.app.port}`;
    const health = await get(`${url}/api/health`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true });
    expect((await get(`${url}/api/snapshot`, ca, { authorization: `Bearer ${ADMIN}` })).status).toBe(200);
    // Served over HTTPS, the session cookie is Secure without PUBLIC_URL or a proxy's word.
    const link = await get(`${url}/wall?token=${ADMIN}`, ca);
    expect(link.status).toBe(303);
    expect(String((link.headers["set-cookie"] as string[])[0])).toMatch(/; Secure/);
    const socket = io(url, { auth: { token: ADMIN }, transports: ["websocket"], reconnection: false, forceNew: true, ca } as never);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    socket.close();
  });

  it("TLS2 TLS_CERT without TLS_KEY stops the start naming both", async () => {
    const { readEnv } = await import("../../server/env");
    expect(() => readEnv({ TLS_CERT: "cert.pem" })).toThrow(/TLS_KEY: TLS_CERT and TLS_KEY go together/);
    expect(readEnv({ TLS_CERT: "c.pem", TLS_KEY: "k.pem" })).toMatchObject({ TLS_CERT: "c.pem", TLS_KEY: "k.pem" });
  });
});
