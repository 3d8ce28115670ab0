// Why: PROP1–PROP4: random interleavings of posts, checked against a pure model of the rules replayed over the feed and by verify's recount.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { fcOptions } from "../support/fc-options";
import { compound, type Step, step } from "../support/ops-arbitraries";
import { checkRun } from "../support/ops-check";
import { loadSideDemo, type Posted, runClients } from "../support/ops-runner";
import { ADMIN, startTestServer, type TestServer } from "../support/server";

const ready = await engineReady();
/** Verify's recount after every batch replays the whole feed: on a loaded two-core machine a property takes minutes. */
const LONG = 900_000;

describe.skipIf(!ready)(`PROP: the rules under random interleavings on ${ENGINE}`, () => {
  let s: TestServer;
  let runs = 0;

  beforeAll(async () => {
    s = await startTestServer();
  });

  /** Each client's own secretary token, of the run's compound (v1.2: a token reaches its own compound only). */
  const tokensFor = (community: string) =>
    Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const r = await s.api("/api/tokens", { method: "POST", json: { role: "secretary", label: `client ${i}`, community } });
        expect(r.status).toBe(201);
        return ((await r.json()) as { token: string }).token;
      }),
    );
  afterAll(() => s?.close());

  /** One run on a community of its own: the compound, then the clients' scripts, then every check. */
  async function run(scripts: Step[][]): Promise<void> {
    const community = `m${++runs}`;
    const head0 = ((await (await s.api("/api/health")).json()) as { seq: number }).seq;
    const events = compound();
    const r = await s.post({ events: events.map((e) => ({ ...e, community })) }, ADMIN);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const setup: Posted = { client: -1, events, batch: true, sentAt: 0, answeredAt: 0, status: r.status, body: r.body };
    const side = await loadSideDemo(s, community);
    const log = await runClients(s, community, scripts, await tokensFor(community), head0);
    await checkRun(s, community, head0, [setup, side, ...log]);
  }

  it(
    "PROP1 PROP4 one client: each answer (201/200/409) is the model's at that point, the feed replays to what the server shows, verify after every batch",
    async () => {
      const scripts = fc.limitShrink(fc.array(step, { minLength: 10, maxLength: 40 }), 60);
      await fc.assert(
        fc.asyncProperty(scripts, (steps) => run([steps])),
        fcOptions(25),
      );
    },
    LONG,
  );

  it.skipIf(ENGINE !== "postgres")(
    "PROP3 two nodes on one PostgreSQL, 4–8 concurrent clients alternating between them: the same guarantees as PROP2",
    async () => {
      const other = await startTestServer({ DATABASE_URL: s.databaseUrl as string });
      try {
        // Each call goes to the next node in turn: shared ids, retries and conflicts cross nodes.
        let turn = 0;
        const both: TestServer = { ...s, api: (path, init) => (turn++ % 2 === 0 ? s : other).api(path, init) };
        const scripts = fc.limitShrink(fc.array(fc.array(step, { minLength: 3, maxLength: 12 }), { minLength: 4, maxLength: 8 }), 20);
        await fc.assert(
          fc.asyncProperty(scripts, async (all) => {
            const community = `n${++runs}`;
            const head0 = ((await (await s.api("/api/health")).json()) as { seq: number }).seq;
            const events = compound();
            const r = await s.post({ events: events.map((e) => ({ ...e, community })) }, ADMIN);
            expect(r.status, JSON.stringify(r.body)).toBe(201);
            const setup: Posted = { client: -1, events, batch: true, sentAt: 0, answeredAt: 0, status: r.status, body: r.body };
            const side = await loadSideDemo(s, community);
            const log = await runClients(both, community, all, await tokensFor(community), head0);
            await checkRun(s, community, head0, [setup, side, ...log]);
          }),
          fcOptions(20),
        );
      } finally {
        await other.close();
      }
    },
    LONG,
  );

  it(
    "PROP2 PROP4 4–8 concurrent clients: no 5xx, seq gap-free, each 201 in the feed once, every answer explained by the model in its window",
    async () => {
      const scripts = fc.limitShrink(fc.array(fc.array(step, { minLength: 3, maxLength: 12 }), { minLength: 4, maxLength: 8 }), 20);
      await fc.assert(
        fc.asyncProperty(scripts, (all) => run(all)),
        fcOptions(30),
      );
    },
    LONG,
  );
});
