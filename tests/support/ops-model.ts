// Why: a pure, independent model of the contract's state rules, replayed over the feed to predict what the server accepts and shows.

/** One event as the model sees it: the type, the payload and the caller's optional idempotency id. */
export interface Ev {
  type: string;
  payload: Record<string, unknown>;
  id?: string;
  /** Another community than the run's: only the side community's `demo.loaded` and `demo.cleared` (PROP4). */
  community?: string;
}

type Status = "pending" | "approved" | "rejected" | "fulfilled" | "cancelled";

interface Req {
  householdId: string;
  kind: string;
  urgent: boolean;
  status: Status;
  letter: boolean;
  report: boolean;
}

interface Alert {
  requestId: string | null;
  buildingId: string;
  resolved: boolean;
  acked: boolean;
}

export interface Model {
  buildings: Map<string, { sealed: boolean }>;
  /** `vacated`: marked vacant or moved out (`household.vacated`), until `household.reoccupied`. */
  households: Map<string, { buildingId: string; residents: number; vacated: boolean }>;
  volunteers: Map<string, { onDuty: boolean; post: string | null }>;
  rounds: Map<string, { kind: string; open: boolean }>;
  /** The last round opened: the one the counts and the wall follow. */
  current: string | null;
  /** `round|household` → the last result (null until one is posted). */
  tests: Map<string, string | null>;
  /** `round|household` of taps set aside: the household was not one to test (vacated, no residents) while that round was current. */
  setAside: Set<string>;
  requests: Map<string, Req>;
  /** Alerts by their id, which is the seq of the event that raised them. */
  alerts: Map<number, Alert>;
  minimums: Map<string, number>;
  /** Idempotency ids seen in the feed: their seq and canonical content. */
  ids: Map<string, { seq: number; content: string }>;
  /** Whether the run's side community holds the demo (its only events are `demo.loaded` and `demo.cleared`). */
  demo: boolean;
}

export const emptyModel = (): Model => ({
  buildings: new Map(),
  households: new Map(),
  volunteers: new Map(),
  rounds: new Map(),
  current: null,
  tests: new Map(),
  setAside: new Set(),
  requests: new Map(),
  alerts: new Map(),
  minimums: new Map(),
  ids: new Map(),
  demo: false,
});

export const cloneModel = (m: Model): Model => structuredClone(m);

/** JSON with sorted keys: the stored jsonb does not keep the caller's key order. */
export function canon(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x && typeof x === "object")
      return Object.fromEntries(
        Object.keys(x)
          .sort()
          .map((k) => [k, sort((x as Record<string, unknown>)[k])]),
      );
    return x;
  };
  return JSON.stringify(sort(v));
}

export const contentOf = (e: Ev) => canon({ type: e.type, payload: e.payload, community: e.community ?? null });

type P = Record<string, any>;

function resolveAlerts(m: Model, requestId: string) {
  for (const a of m.alerts.values()) if (a.requestId === requestId) a.resolved = true;
}

function decide(m: Model, r: Req | undefined, from: Status, to: Status, requestId: string): string | null {
  if (!r) return "unknown request";
  if (r.status !== from) return `request is ${r.status}, not ${from}`;
  r.status = to;
  if (from === "pending") resolveAlerts(m, requestId);
  return null;
}

function acknowledge(m: Model, p: P): string | null {
  let alert: Alert | undefined;
  if (typeof p.alertId === "number") alert = m.alerts.get(p.alertId);
  else {
    const seqs = [...m.alerts.entries()].filter(([, a]) => a.requestId === p.requestId).map(([s]) => s);
    if (seqs.length > 0) alert = m.alerts.get(Math.max(...seqs));
  }
  if (!alert) return "no such alert";
  if (alert.acked) return "alert already acknowledged";
  if (alert.resolved) return "alert already resolved";
  alert.acked = true;
  return null;
}

/** Someone lives there: counted in the households to test (and its tap in the tested). */
export const toTest = (h: { residents: number; vacated: boolean }) => h.residents > 0 && !h.vacated;

/** A tap in the round the counts show is set aside while its household is not one to test, and counts again after. */
function followTap(m: Model, householdId: string) {
  const h = m.households.get(householdId)!;
  const key = `${m.current}|${householdId}`;
  if (!m.current || !m.tests.has(key)) return;
  if (toTest(h)) m.setAside.delete(key);
  else m.setAside.add(key);
}

/** Applies one event at `seq`; returns why it is refused (a 409), or null after changing the model. Checks before it mutates. */
export function apply(m: Model, e: Ev, seq: number): string | null {
  const p = e.payload as P;
  switch (e.type) {
    case "building.registered":
      if (m.buildings.has(p.buildingId)) return "building already registered";
      m.buildings.set(p.buildingId, { sealed: false });
      return null;
    case "household.registered":
      if (!m.buildings.has(p.buildingId)) return "unknown building";
      if (m.households.has(p.householdId)) return "household already registered";
      m.households.set(p.householdId, { buildingId: p.buildingId, residents: p.residents, vacated: false });
      return null;
    case "household.updated": {
      const h = m.households.get(p.householdId);
      if (!h) return "unknown household";
      if (h.buildingId !== p.buildingId) return "household in another building";
      h.residents = p.residents;
      followTap(m, p.householdId);
      return null;
    }
    case "volunteer.registered":
      if (m.volunteers.has(p.volunteerId)) return "volunteer already registered";
      m.volunteers.set(p.volunteerId, { onDuty: false, post: null });
      return null;
    case "round.opened":
      if ([...m.rounds.values()].some((r) => r.open)) return "a round is still open";
      if (m.rounds.has(p.roundId)) return "round id already used";
      m.rounds.set(p.roundId, { kind: p.kind, open: true });
      m.current = p.roundId;
      return null;
    case "round.closed": {
      const r = m.rounds.get(p.roundId);
      if (!r) return "unknown round";
      if (!r.open) return "round already closed";
      r.open = false;
      return null;
    }
    case "household.tested": {
      const r = m.rounds.get(p.roundId);
      if (!r) return "unknown round";
      if (!r.open) return "round is closed";
      const h = m.households.get(p.householdId);
      if (!h) return "unknown household";
      if (h.vacated) return "household not lived in";
      const key = `${p.roundId}|${p.householdId}`;
      if (m.tests.has(key)) return null;
      m.tests.set(key, null);
      // A flat with no residents is not one to test: its tap is set aside from the start.
      if (!toTest(h)) m.setAside.add(key);
      return null;
    }
    case "household.vacated":
    case "household.reoccupied": {
      const h = m.households.get(p.householdId);
      if (!h) return "unknown household";
      const vacating = e.type === "household.vacated";
      if (h.vacated === vacating) return vacating ? "household not lived in" : "household already lived in";
      h.vacated = vacating;
      followTap(m, p.householdId);
      return null;
    }
    case "test.result": {
      if (!m.rounds.has(p.roundId)) return "unknown round";
      const h = m.households.get(p.householdId);
      if (!h) return "unknown household";
      const key = `${p.roundId}|${p.householdId}`;
      if (!m.tests.has(key)) return "no test in that round";
      m.tests.set(key, p.result);
      if (p.result === "positive") m.alerts.set(seq, { requestId: null, buildingId: h.buildingId, resolved: false, acked: false });
      return null;
    }
    case "building.sealed": {
      const b = m.buildings.get(p.buildingId);
      if (!b) return "unknown building";
      b.sealed = true;
      return null;
    }
    case "building.unsealed": {
      const b = m.buildings.get(p.buildingId);
      if (!b) return "unknown building";
      if (!b.sealed) return "building not sealed";
      b.sealed = false;
      return null;
    }
    case "volunteer.checked_in": {
      const v = m.volunteers.get(p.volunteerId);
      if (!v) return "unknown volunteer";
      if (v.onDuty) return "already on duty";
      v.onDuty = true;
      v.post = p.post;
      return null;
    }
    case "volunteer.checked_out": {
      const v = m.volunteers.get(p.volunteerId);
      if (!v) return "unknown volunteer";
      if (!v.onDuty) return "not on duty";
      v.onDuty = false;
      v.post = null;
      return null;
    }
    case "request.opened": {
      const h = m.households.get(p.householdId);
      if (!h) return "unknown household";
      if (m.requests.has(p.requestId)) return "request id already used";
      const urgent = p.urgent === true;
      m.requests.set(p.requestId, { householdId: p.householdId, kind: p.kind, urgent, status: "pending", letter: false, report: false });
      if (urgent) m.alerts.set(seq, { requestId: p.requestId, buildingId: h.buildingId, resolved: false, acked: false });
      return null;
    }
    case "request.document_added": {
      const r = m.requests.get(p.requestId);
      if (!r) return "unknown request";
      if (r.status !== "pending") return `request is ${r.status}`;
      if (p.document === "commitment_letter") r.letter = true;
      else r.report = true;
      return null;
    }
    case "request.approved": {
      const r = m.requests.get(p.requestId);
      if (!r) return "unknown request";
      if (r.status !== "pending") return `request is ${r.status}`;
      // Reports are always dated an hour before the run, so "within 48 hours" holds whenever a report is there.
      // Deliveries (supplies, medicine, other) are not releases: approved as they are (contract v1.2).
      const delivery = r.kind === "supplies" || r.kind === "medicine" || r.kind === "other";
      const released =
        delivery || (r.kind === "medical" && r.urgent) || (r.kind === "leave" && r.letter && r.report) || Boolean(p.override?.reason);
      if (!released) return "release rule";
      return decide(m, r, "pending", "approved", p.requestId);
    }
    case "request.rejected":
      return decide(m, m.requests.get(p.requestId), "pending", "rejected", p.requestId);
    case "request.cancelled":
      return decide(m, m.requests.get(p.requestId), "pending", "cancelled", p.requestId);
    case "request.fulfilled":
      return decide(m, m.requests.get(p.requestId), "approved", "fulfilled", p.requestId);
    case "alert.acknowledged":
      return acknowledge(m, p);
    case "post.minimum_set":
      m.minimums.set(p.post, p.minimum);
      return null;
    case "demo.loaded":
      m.demo = true;
      return null;
    case "demo.cleared":
      if (!m.demo) return "no demo to clear";
      m.demo = false;
      return null;
    default:
      throw new Error(`the model does not know ${e.type}`);
  }
}

/**
 * What the server should answer for one post (one event or a batch) in state `m`, without changing `m`:
 * `duplicate` for a single event whose id was accepted with the same content, else accepted or refused.
 */
export function predict(m: Model, events: Ev[]): "accepted" | "duplicate" | "refused" {
  if (events.length === 1) {
    const e = events[0]!;
    const known = e.id ? m.ids.get(e.id) : undefined;
    if (known) return known.content === contentOf(e) ? "duplicate" : "refused";
  }
  const trial = cloneModel(m);
  for (const e of events) {
    const known = e.id ? trial.ids.get(e.id) : undefined;
    if (known && known.content !== contentOf(e)) return "refused";
    if (known) continue;
    if (apply(trial, e, 0) !== null) return "refused";
    if (e.id) trial.ids.set(e.id, { seq: 0, content: contentOf(e) });
  }
  return "accepted";
}
