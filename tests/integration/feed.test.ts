import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres, wrapPglite } from "../../drizzle/client";
import { migrate } from "../../drizzle/migrate";
import * as schema from "../../drizzle/schema";
import { FeedListener } from "../../server/feed/listener";
import { appendEvents, onCommitted } from "../../server/ingest/append";
import { createLogger } from "../../server/log";
import { ENGINE, engineReady, freshDatabase, freshPostgresDatabase } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { waitFor } from "../support/wait";

const ready = await engineReady();
const log = createLogger("silent");

describe.skipIf(!ready)(`FEED: the feed on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  it("FEED1 GET /api/events pages the feed in seq order with a cursor", async () => {
    const page1 = await (await s.api("/api/events?after=0&limit=5")).json();
    expect(page1.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(page1.next).toBe(5);
    expect(page1.events[0]).toMatchObject({
      type: "building.registered",
      community: "default",
      actor: "ADMIN_TOKEN",
      payload: { buildingId: "b1" },
    });
    expect(page1.events[0].recordedAt).toMatch(/Z$/);
    const page2 = await (await s.api("/api/events?after=5&limit=5")).json();
    expect(page2.events.map((e: { seq: number }) => e.seq)).toEqual([6, 7, 8]);
    expect(page2.next).toBeNull();
    expect((await s.api("/api/events?after=-1")).status).toBe(400);
    expect((await s.api("/api/events?limit=1001")).status).toBe(400);
  });

  it("FEED2 eight concurrent writers: every accepted event is read back by cursor once, seq gap-free, recordedAt rising with seq", async () => {
    const token = await s.mint("volunteer", "writer");
    const writers = 8;
    const per = 25;
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < per; i++) {
          const id = `w${w}-${i}`;
          const checkIn = i % 2 === 0;
          const r = await s.post(
            {
              id,
              type: checkIn ? "household.tested" : "test.result",
              payload: checkIn
                ? { roundId: "r1", householdId: `h${(w % 3) + 1}` }
                : { roundId: "r1", householdId: `h${(w % 3) + 1}`, result: "negative" },
            },
            token,
          );
          if (r.status === 201 || r.status === 200) ids.push(id);
          else throw new Error(`writer ${w}: ${r.status} ${JSON.stringify(r.body)}`);
        }
      }),
    );
    const seen: { seq: number; id: string; recordedAt: string }[] = [];
    let after = 0;
    for (;;) {
      const page = await (await s.api(`/api/events?after=${after}&limit=37`)).json();
      seen.push(...page.events);
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i + 1));
    const seenIds = seen.map((e) => e.id);
    for (const id of ids) expect(seenIds.filter((x) => x === id)).toHaveLength(1);
    expect((await s.snapshot()).seq).toBe(seen.length);
    // FEED7: the record time is taken under the feed lock, so it never goes back as seq goes up.
    const backwards = seen.filter((e, i) => i > 0 && Date.parse(e.recordedAt) < Date.parse(seen[i - 1]?.recordedAt ?? ""));
    expect(backwards.map((e) => e.seq)).toEqual([]);
  });
});

describe.skipIf(!ready)(`FEED4: the listener catches up without notifications on ${ENGINE}`, () => {
  it("FEED4 a listener whose notifications are all lost still sees every change by its heartbeat", async () => {
    const db = await freshDatabase();
    const deaf = { ...db, listen: async () => async () => {} };
    const seen: number[] = [];
    const listener = new FeedListener(deaf, (_c, head) => seen.push(head), log, { heartbeatMs: 100 });
    await listener.start();
    const accepted = await appendEvents(db.db, smallCompound(), { role: "secretary", name: "test" });
    const last = accepted[accepted.length - 1]?.seq;
    await waitFor(() => seen.includes(last ?? -1), "the listener to reach the last seq");
    expect(listener.position).toBe(last);
    await listener.close();
    await db.dispose();
  });

  it("FEED4d a node's own commits reach its listener at once, with no NOTIFY and no heartbeat; never past another writer's commit", async () => {
    const db = await freshDatabase();
    const deaf = { ...db, listen: async () => async () => {} };
    const seen: { head: number; communities: string[] }[] = [];
    const listener = new FeedListener(deaf, (communities, head) => seen.push({ head, communities }), log, { heartbeatMs: 600_000 });
    await listener.start();
    const unhook = onCommitted(db.db, (w) => listener.committed(w.first, w.last, w.communities));
    const actor = { role: "secretary" as const, name: "t" };
    const building = (id: string, community?: string) => ({
      type: "building.registered",
      community,
      payload: { buildingId: id, label: id },
    });

    const [a] = await appendEvents(db.db, [building("b1"), building("b1", "north")], actor, { batch: true }).then((r) => r.slice(-1));
    // Told before the append is answered: no wait at all.
    expect(seen).toEqual([{ head: a?.seq, communities: ["default", "north"] }]);

    // Another writer (another node) commits: this node is not told, and its own next commit must
    // not be passed on over the other's, which only a read of the feed can find.
    const other = db.kind === "postgres" ? (drizzlePostgres(db.sql!, { schema }) as unknown as Db) : wrapPglite(db.pglite!).db;
    const [b] = await appendEvents(other, [building("b2", "south")], actor);
    const [c] = await appendEvents(db.db, [building("b3")], actor);
    expect(c!.seq).toBe(b!.seq + 1);
    expect(seen).toHaveLength(1);
    listener.poke();
    await waitFor(() => seen.length === 2, "the read of the feed");
    expect(seen[1]?.head).toBe(c?.seq);
    expect([...(seen[1]?.communities ?? [])].sort()).toEqual(["default", "south"]);

    // In step again: the next own commit goes straight through.
    const [d] = await appendEvents(db.db, [building("b4", "north")], actor);
    expect(seen[2]).toEqual({ head: d?.seq, communities: ["north"] });
    unhook();
    await listener.close();
    await db.dispose();
  });

  it("FEED4b with notifications on, a change is seen well before the heartbeat", async () => {
    const db = await freshDatabase();
    const seen: number[] = [];
    const listener = new FeedListener(db, (_c, head) => seen.push(head), log, { heartbeatMs: 60_000 });
    await listener.start();
    const [a] = await appendEvents(db.db, [{ type: "building.registered", payload: { buildingId: "b1", label: "1" } }], {
      role: "secretary",
      name: "t",
    });
    await waitFor(() => seen.includes(a?.seq ?? -1), "the notification", 30_000);
    await listener.close();
    await db.dispose();
  });
});

describe.skipIf(ENGINE !== "postgres" || !ready)("FEED5/FEED6: PostgreSQL server only", () => {
  it("FEED5 migrations started by several nodes at once all succeed and apply once", async () => {
    const fresh = await freshPostgresDatabase();
    const nodes = Array.from({ length: 4 }, () => openPostgres(fresh.url, 2));
    await Promise.all(nodes.map((n) => migrate(n)));
    const sql = nodes[0]?.sql;
    const rows = await sql!`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const clock = await sql!`select last from feed_clock`;
    expect(clock).toHaveLength(1);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
    await Promise.all(nodes.map((n) => n.close()));
    await fresh.drop();
  });

  it("FEED4c the LISTEN connection is cut: the listener re-listens and catches up by itself, with no heartbeat to lean on", async () => {
    const db = await freshDatabase();
    const seen: number[] = [];
    const listener = new FeedListener(db, (_c, head) => seen.push(head), log, { heartbeatMs: 600_000 });
    await listener.start();
    const name = db.sql?.options.database;
    const admin = openPostgres("postgres://postgres@127.0.0.1:5432/postgres", 1);
    // Cut every session of the database, the listener's included; the pool reconnects on its own.
    await admin.sql!`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name ?? ""} and pid <> pg_backend_pid()`;
    await admin.close();
    const writer = openPostgres(`postgres://postgres@127.0.0.1:5432/${name}`, 1);
    const accepted = await appendEvents(writer.db, smallCompound(), { role: "secretary", name: "t" });
    const last = accepted[accepted.length - 1]?.seq ?? -1;
    await waitFor(() => seen.includes(last), "the listener to catch up after re-listening", 60_000);
    await writer.close();
    await listener.close();
    await db.dispose();
  });

  it("FEED6 /api/health is 200 with the seq, and 503 once the database is gone; so is an API route", async () => {
    const s = await startTestServer();
    const ok = await (await fetch(`${s.url}/api/health`)).json();
    expect(ok).toEqual({ ok: true, db: "postgres", seq: 0 });
    const url = new URL(s.app.handle.sql!.options.database ? `postgres://x/${s.app.handle.sql!.options.database}` : "");
    const name = url.pathname.slice(1);
    const admin = openPostgres("postgres://postgres@127.0.0.1:5432/postgres", 1);
    await admin.sql!.unsafe(`drop database ${name} with (force)`);
    await admin.close();
    const r = await fetch(`${s.url}/api/health`);
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/database/);
    // An API route answers 503 with the error model and Retry-After, not a 500.
    const post = await s.api("/api/events", {
      method: "POST",
      json: { type: "building.registered", payload: { buildingId: "x", label: "x" } },
    });
    expect(post.status).toBe(503);
    expect(post.headers.get("retry-after")).toBe("2");
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    await s.close().catch(() => {});
  });
});
