// Why: runs generated client scripts concurrently against a real server and records each post with logical send/receive times.
import { appendEvents } from "../../server/ingest/append";
import { verifyProjections } from "../../server/ops/verify";
import { ALERT_AT, SHARED, SIDE, type Step } from "./ops-arbitraries";
import type { Ev } from "./ops-model";
import { ADMIN, type TestServer } from "./server";

/** One HTTP post as it happened: what was sent, when (logical ticks), and the answer. */
export interface Posted {
  client: number;
  events: Ev[];
  batch: boolean;
  sentAt: number;
  answeredAt: number;
  status: number;
  body: any;
}

const wire = (e: Ev, community: string) => ({
  ...(e.id ? { id: e.id } : {}),
  type: e.type,
  community: e.community ?? community,
  payload: e.payload,
});

/** The community beside a run's own that holds a demo for the generated `demo.cleared` to clear. */
export const sideOf = (community: string) => `${community}-demo`;

/** Turns a generated operation into the event posted in this run: the alert offset becomes an alert id, SIDE the side community. */
function materialize(op: Ev, base: number, community: string): Ev {
  if (op.community === SIDE) return { ...op, community: sideOf(community) };
  if (op.type !== "alert.acknowledged" || !(ALERT_AT in op.payload)) return op;
  return { type: op.type, payload: { alertId: base + Number(op.payload[ALERT_AT]) } };
}

/** Loads the (empty) demo into the run's side community as the server's own loader does, logged like any post. */
export async function loadSideDemo(s: TestServer, community: string, client = -2): Promise<Posted> {
  const events: Ev[] = [{ type: "demo.loaded", payload: {}, community: sideOf(community) }];
  const accepted = await appendEvents(
    s.app.handle.db,
    events.map((e) => wire(e, community)),
    { role: "secretary", name: "demo", internal: true },
  );
  return { client, events, batch: false, sentAt: 0, answeredAt: 0, status: 201, body: { accepted } };
}

/**
 * The recount of every projection from the feed (`npm run verify`), which must find nothing to say about this run's
 * communities (PROP4). Other runs' differences are theirs: left in, they would fail every later case and defeat shrinking.
 */
async function verifyNow(s: TestServer, community: string, after: string): Promise<void> {
  const report = await verifyProjections(s.app.handle.db);
  const ours = report.differences.filter((d) => {
    const key = /^\w+\[([^\]/]+)/.exec(d.what)?.[1];
    return !key || /^\d+$/.test(key) || key === community || key === sideOf(community);
  });
  if (ours.length > 0) throw new Error(`verify after ${after}: ${JSON.stringify(ours.slice(0, 10))}`);
}

/**
 * Runs every client's steps, the clients concurrently and each one's steps in order, each client with its own token (the operator for a post naming the side compound).
 * `base` is the feed head before the run (alert ids are drawn near it); ids are unique per community and client.
 */
export async function runClients(s: TestServer, community: string, scripts: Step[][], tokens: string[], base: number): Promise<Posted[]> {
  let tick = 0;
  const log: Posted[] = [];
  await Promise.all(
    scripts.map(async (steps, client) => {
      const sentWithId: Ev[] = [];
      let n = 0;
      const newId = () => `${community}.c${client}.${n++}`;
      for (const st of steps) {
        let events: Ev[];
        let batch = false;
        if (st.kind === "one") events = [{ ...materialize(st.op, base, community), ...(st.withId ? { id: newId() } : {}) }];
        else if (st.kind === "batch") {
          events = st.ops.map((o) => materialize(o, base, community));
          batch = true;
        } else if (st.kind === "shared") {
          events = [{ ...SHARED[st.n]!, id: `${community}.s${st.n}` }];
        } else {
          const earlier = sentWithId[sentWithId.length - 1 - (st.back % Math.max(1, sentWithId.length))];
          if (!earlier) continue;
          events = [st.kind === "retry" ? earlier : { ...materialize(st.op, base, community), id: earlier.id }];
        }
        if (!batch && events[0]?.id) sentWithId.push(events[0]);
        const body = batch ? { events: events.map((e) => wire(e, community)) } : wire(events[0]!, community);
        const sentAt = ++tick;
        // A post that names the side compound as well needs the operator: a compound's own token reaches only it (v1.2).
        const token = events.some((e) => e.community) ? ADMIN : tokens[client % tokens.length];
        const r = await s.api("/api/events", { method: "POST", json: body, token });
        const text = await r.text();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        log.push({ client, events, batch, sentAt, answeredAt: ++tick, status: r.status, body: parsed });
        // A clear that went through: the side community gets a demo again, so later clears have one to clear.
        if (r.status === 201 && events.some((e) => e.type === "demo.cleared")) {
          const sentAt = ++tick;
          log.push({ ...(await loadSideDemo(s, community)), sentAt, answeredAt: ++tick });
        }
        if (batch) await verifyNow(s, community, `${JSON.stringify(body)} → ${r.status}`);
      }
    }),
  );
  return log;
}
