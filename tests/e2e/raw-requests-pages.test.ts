// Why: TRUST2: with the pages on, no request line, path, header or cookie hangs a connection or stops the server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRaw } from "../support/fuzz-lines";
import { fuzzRawRequests } from "../support/fuzz-raw-run";
import { freePort, type Spawned, spawnServer } from "../support/spawn";

describe("TRUST2: raw requests with the pages on", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-raw-pages-"));
  let server: Spawned;
  beforeAll(async () => {
    server = await spawnServer({ PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO: "0" }, 120_000);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("TRUST2 the reported request lines are answered, then a page still loads", async () => {
    const port = Number(new URL(server.url).port);
    for (const line of ["GET //x:99999/ HTTP/1.1", "GET http://%zz/ HTTP/1.1", "GET /.//wall HTTP/1.1"]) {
      const r = await sendRaw(port, Buffer.from(`${line}\r\nHost: 127.0.0.1\r\n\r\n`), 60_000);
      expect(r.answered, `${line}: ${r.how}`).toMatch(/^HTTP\/1\.1 \d{3}/);
    }
    expect((await fetch(`${server.url}/wall`)).status).toBe(200);
  });

  it("TRUST2 seeded raw request lines, paths, headers and cookies against the pages: each answered, the process alive", async () => {
    // A first page render on a loaded machine can take seconds; a hang is what never answers.
    await fuzzRawRequests(server, 1500, 60_000, 4);
  }, 600_000);
});
