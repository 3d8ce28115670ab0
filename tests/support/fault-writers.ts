// Writers that keep posting batches through a fault, as a careful client does: an unanswered batch is sent again with the same ids.

export const FAULT_ADMIN = "fault-admin-token-0123456789";

/** What each writer needs before it starts: its building and volunteer, and the open round. */
export function writersWorld(writers: number, prefix = "f") {
  const out: object[] = [{ type: "round.opened", payload: { roundId: "r1", kind: "pcr" } }];
  for (let w = 0; w < writers; w++) {
    out.push({ type: "building.registered", payload: { buildingId: `${prefix}b${w}`, label: `Building ${w}` } });
    out.push({ type: "volunteer.registered", payload: { volunteerId: `${prefix}v${w}`, name: `Volunteer ${w}`, skills: [] } });
  }
  return out;
}

/** Step `k` of writer `w`: a new household tested, duty and seal toggled, a request opened or cancelled: every count moves. */
function step(prefix: string, w: number, k: number): object[] {
  const household = `${prefix}w${w}h${k}`;
  const out: object[] = [
    { type: "household.registered", payload: { householdId: household, buildingId: `${prefix}b${w}`, unit: k, residents: 1 + (k % 3) } },
    { type: "household.tested", payload: { roundId: "r1", householdId: household } },
    k % 2 === 0
      ? { type: "volunteer.checked_in", payload: { volunteerId: `${prefix}v${w}`, post: "gate" } }
      : { type: "volunteer.checked_out", payload: { volunteerId: `${prefix}v${w}` } },
    { type: k % 2 === 0 ? "building.sealed" : "building.unsealed", payload: { buildingId: `${prefix}b${w}` } },
  ];
  if (k % 3 === 0)
    out.push({
      type: "request.opened",
      payload: { requestId: `${prefix}w${w}q${k}`, householdId: household, kind: "supplies", urgent: k % 2 === 0 },
    });
  if (k % 3 === 1) out.push({ type: "request.cancelled", payload: { requestId: `${prefix}w${w}q${k - 1}` } });
  return out.map((e, j) => ({ ...e, id: `${prefix}w${w}s${k}e${j}` }));
}

export interface Writers {
  /** Ids answered 201 (new, not duplicates): each must be in the feed exactly once. */
  readonly acked: Set<string>;
  /** Batches confirmed (201, or 200 when a resend found them already committed). */
  readonly batches: number;
  /** Requests sent and not yet answered. */
  readonly inFlight: number;
  /** Answers that were not 2xx, by status, or `network` when none came. */
  readonly failures: Record<string, number>;
  /** Answers no resend can fix (4xx): each is a bug. */
  readonly refused: string[];
  stop(): Promise<void>;
}

/**
 * `count` writers post batches of `steps` steps each to `url`, back to back. A batch that gets no
 * answer, or a 5xx, is sent again unchanged (same ids) until it is answered 201 or 200.
 */
export function startWriters(url: string, opts: { count: number; steps: number; prefix?: string; token?: string }): Writers {
  const prefix = opts.prefix ?? "f";
  const acked = new Set<string>();
  const failures: Record<string, number> = {};
  const refused: string[] = [];
  const state = { batches: 0, inFlight: 0, stop: false };
  const fail = (what: string) => {
    failures[what] = (failures[what] ?? 0) + 1;
  };

  async function send(events: object[]): Promise<boolean> {
    state.inFlight++;
    try {
      const r = await fetch(`${url}/api/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${opts.token ?? FAULT_ADMIN}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await r.json().catch(() => null)) as { accepted?: { id: string; duplicate: boolean }[] } | null;
      if (r.status === 201 || r.status === 200) {
        for (const a of body?.accepted ?? []) if (r.status === 201 && !a.duplicate) acked.add(a.id);
        state.batches++;
        return true;
      }
      fail(String(r.status));
      if (r.status < 500) {
        refused.push(`${r.status} ${JSON.stringify(body)}`);
        return true;
      }
    } catch {
      fail("network");
    } finally {
      state.inFlight--;
    }
    return false;
  }

  const loops = Array.from({ length: opts.count }, async (_, w) => {
    for (let k = 0; !state.stop; k += opts.steps) {
      const events = Array.from({ length: opts.steps }, (_, i) => step(prefix, w, k + i)).flat();
      // A resend is paced, not timed: it goes again until the batch is answered.
      while (!(await send(events))) await new Promise((r) => setTimeout(r, 100));
    }
  });

  return {
    acked,
    get batches() {
      return state.batches;
    },
    get inFlight() {
      return state.inFlight;
    },
    failures,
    refused,
    async stop() {
      state.stop = true;
      await Promise.all(loops);
    },
  };
}
