// Why: runs generated client scripts concurrently against a real server and records each post with logical send/receive times.
import { ALERT_AT, SHARED, type Step } from "./ops-arbitraries";
import type { Ev } from "./ops-model";
import type { TestServer } from "./server";

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

const wire = (e: Ev, community: string) => ({ ...(e.id ? { id: e.id } : {}), type: e.type, community, payload: e.payload });

/** Turns a generated operation into the event posted in this run: the alert offset becomes an alert id. */
function materialize(op: Ev, base: number): Ev {
  if (op.type !== "alert.acknowledged" || !(ALERT_AT in op.payload)) return op;
  return { type: op.type, payload: { alertId: base + Number(op.payload[ALERT_AT]) } };
}

/**
 * Runs every client's steps, the clients concurrently and each one's steps in order, each client with its own token.
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
        if (st.kind === "one") events = [{ ...materialize(st.op, base), ...(st.withId ? { id: newId() } : {}) }];
        else if (st.kind === "batch") {
          events = st.ops.map((o) => materialize(o, base));
          batch = true;
        } else if (st.kind === "shared") {
          events = [{ ...SHARED[st.n]!, id: `${community}.s${st.n}` }];
        } else {
          const earlier = sentWithId[sentWithId.length - 1 - (st.back % Math.max(1, sentWithId.length))];
          if (!earlier) continue;
          events = [st.kind === "retry" ? earlier : { ...materialize(st.op, base), id: earlier.id }];
        }
        if (!batch && events[0]?.id) sentWithId.push(events[0]);
        const body = batch ? { events: events.map((e) => wire(e, community)) } : wire(events[0]!, community);
        const sentAt = ++tick;
        const r = await s.api("/api/events", { method: "POST", json: body, token: tokens[client % tokens.length] });
        const text = await r.text();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        log.push({ client, events, batch, sentAt, answeredAt: ++tick, status: r.status, body: parsed });
      }
    }),
  );
  return log;
}
