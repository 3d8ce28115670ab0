import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady, freshPostgresDatabase } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { freePort, spawnServer } from "../support/spawn";
import { waitFor } from "../support/wait";

const ready = await engineReady();
const ADMIN = "crash-admin-token-0123456789";

describe.skipIf(!ready)(`FEED3: kill -9 on ${ENGINE}`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-crash-"));
  let dropDb: (() => Promise<void>) | undefined;
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDb?.();
  });

  it("FEED3 every event answered 201 before a kill -9 is in the feed exactly once after a restart", async () => {
    const env: Record<string, string> = {
      PORT: freePort(),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ADMIN_TOKEN: ADMIN,
      DEMO: "0",
      UI: "0",
      RATE_LIMIT: "100000",
    };
    if (ENGINE === "postgres") {
      const fresh = await freshPostgresDatabase();
      env.DATABASE_URL = fresh.url;
      dropDb = fresh.drop;
    }
    let server = await spawnServer(env);
    const post = (body: unknown) =>
      fetch(`${server.url}/api/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ events: smallCompound() })).status).toBe(201);

    const acked = new Set<string>();
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const id = `crash-${w}-${i}`;
        try {
          const r = await post({ id, type: "volunteer.registered", payload: { volunteerId: id, name: "n", skills: [] } });
          if (r.status === 201) acked.add(id);
        } catch {
          return;
        }
      }
    });
    await waitFor(() => acked.size >= 150, "150 acknowledged events", 30_000);
    await server.kill9();
    stop = true;
    await Promise.all(writers);

    server = await spawnServer(env);
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const r = await fetch(`${server.url}/api/events?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${ADMIN}` } });
      const page = (await r.json()) as { events: { id: string; seq: number }[]; next: number | null };
      seen.push(...page.events.map((e) => e.id));
      if (page.next === null) break;
      after = page.next;
    }
    for (const id of acked)
      expect(
        seen.filter((x) => x === id),
        id,
      ).toHaveLength(1);
    const snap = await (await fetch(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${ADMIN}` } })).json();
    expect(snap.seq).toBe(seen.length);
    expect(snap.counts.volunteersTotal).toBe(2 + seen.filter((x) => x.startsWith("crash-")).length);
    await server.stop();
  });
});
