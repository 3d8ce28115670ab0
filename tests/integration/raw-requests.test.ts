// Why: TRUST1: no request line, path, header or cookie stops the server or goes unanswered (API nodes, UI=0).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady, freshPostgresDatabase } from "../support/db";
import { sendRaw } from "../support/fuzz-lines";
import { fuzzRawRequests } from "../support/fuzz-raw-run";
import { freePort, type Spawned, spawnServer } from "../support/spawn";

const ready = await engineReady();

describe.skipIf(!ready)(`TRUST1: raw requests on ${ENGINE}, UI=0`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-raw-"));
  let server: Spawned;
  let dropDb: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const env: Record<string, string> = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO: "0", UI: "0" };
    if (ENGINE === "postgres") {
      const fresh = await freshPostgresDatabase();
      env.DATABASE_URL = fresh.url;
      dropDb = fresh.drop;
    }
    server = await spawnServer(env);
  });
  afterAll(async () => {
    await server?.stop();
    await dropDb?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("TRUST1 GET //x:99999/ is answered 400 and the process keeps serving", async () => {
    const port = Number(new URL(server.url).port);
    for (const line of ["GET //x:99999/ HTTP/1.1", "GET http://%zz/ HTTP/1.1"]) {
      const r = await sendRaw(port, Buffer.from(`${line}\r\nHost: 127.0.0.1\r\n\r\n`), 10_000);
      expect(r.answered, `${line}: ${r.how}`).toMatch(/^HTTP\/1\.1 (400|404)/);
    }
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("TRUST1 thousands of seeded raw request lines, paths, headers and cookies: each answered, the process alive", async () => {
    await fuzzRawRequests(server, 2000, 10_000);
  }, 300_000);
});
