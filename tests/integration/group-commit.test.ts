// Why: FEED8: appends arriving together share one transaction (group commit), yet each keeps its own all-or-nothing answer.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyProjections } from "../../server/ops/verify";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { feedAfter } from "../support/registry-files";
import { startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();

describe.skipIf(!ready)(`FEED8: group commit on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound("g") })).status).toBe(201);
  });
  afterAll(() => s?.close());

  it("FEED8 60 concurrent posts, a third refused, a third batches with one bad event: each answer is its own, the accepted ones gap-free, many in one transaction", async () => {
    const head0 = ((await (await s.api("/api/health")).json()) as { seq: number }).seq;
    const reg = (id: string) => ({ type: "volunteer.registered", community: "g", payload: { volunteerId: id, name: "n", skills: [] } });
    const posts = Array.from({ length: 60 }, (_, i) => {
      if (i % 3 === 0) return { body: reg(`ok${i}`), want: 201 };
      if (i % 3 === 1) return { body: { ...reg(`x${i}`), payload: { volunteerId: "v1", name: "again", skills: [] } }, want: 409 };
      // A batch whose second event is refused: its first must not land either.
      return {
        body: { events: [reg(`half${i}`), { type: "volunteer.checked_out", community: "g", payload: { volunteerId: `half${i}` } }] },
        want: 409,
      };
    });
    const answers = await Promise.all(posts.map((p) => s.post(p.body)));
    expect(answers.map((a) => a.status)).toEqual(posts.map((p) => p.want));
    const refusedBatch = answers[2]?.body.error;
    expect(refusedBatch.message).toMatch(/^event 1: /);
    expect(refusedBatch.issues[0].path).toBe("events[1].payload.volunteerId");

    const feed = await feedAfter(s, head0);
    expect(feed.map((e) => e.seq)).toEqual(feed.map((_, i) => head0 + i + 1));
    expect(feed.map((e) => e.payload.volunteerId).sort()).toEqual(posts.flatMap((p, i) => (p.want === 201 ? [`ok${i}`] : [])).sort());
    const accepted = answers.filter((a) => a.status === 201).map((a) => a.body.accepted[0].seq);
    expect(new Set(accepted).size).toBe(20);
    // They shared transactions: fewer record times than events (one per transaction). On PostgreSQL only:
    // the embedded engine runs in this test's own process, whose client sends the posts one after another.
    if (ENGINE === "postgres") expect(new Set(feed.map((e) => e.recordedAt)).size).toBeLessThan(feed.length);
    expect((await s.snapshot("g")).counts.volunteersTotal).toBe(
      smallCompound("g").filter((e) => e.type === "volunteer.registered").length + 20,
    );
    expect((await verifyProjections(s.app.handle.db)).differences).toEqual([]);
  });

  it.skipIf(ENGINE !== "postgres")(
    "FEED9 the next group is on the server before the one before commits: one node's writer waits for the feed lock while it is held, and nothing is lost",
    async () => {
      const head0 = ((await (await s.api("/api/health")).json()) as { seq: number }).seq;
      const db = s.app.handle.db;
      // The lock wait is looked for from the node's own pool while 32 posters keep its writer busy.
      let seen = 0;
      let posting = true;
      const watching = (async () => {
        while (posting) {
          const rows = (await db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'cordon' and wait_event_type = 'Lock' and query like '%feed_clock%for update%'`,
          )) as unknown as { n: number }[];
          seen += rows[0]?.n ?? 0;
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      let n = 0;
      const statuses: number[] = [];
      const until = Date.now() + 3000;
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (Date.now() < until && seen === 0) {
            const r = await s.post({
              type: "volunteer.registered",
              community: "g",
              payload: { volunteerId: `q${n++}`, name: "n", skills: [] },
            });
            statuses.push(r.status);
          }
        }),
      );
      posting = false;
      await watching;
      expect(seen).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set([201]));
      const feed = await feedAfter(s, head0);
      expect(feed.map((e) => e.seq)).toEqual(feed.map((_, i) => head0 + i + 1));
      expect(feed.length).toBe(statuses.length);
      expect((await verifyProjections(db)).differences).toEqual([]);
    },
  );
});
