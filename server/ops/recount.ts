// The projections as the feed says they must be: every event replayed in seq order through a plain in-memory model.
import { countsAsPending } from "../domain/requests";
import { bucketStart } from "../domain/wall-series";
import { followTap, recountCorrections } from "./recount-corrections";
import { recountRequests } from "./recount-requests";

/** One event as read back from the feed. */
export interface FeedRow {
  seq: number;
  id: string;
  type: string;
  community: string;
  occurredAt: Date;
  recordedAt: Date;
  payload: Record<string, unknown>;
}

export type Row = Record<string, unknown>;
/** Projection table → row key → row. Keys are `community/id` (or `community/round/household`, …). */
export type Tables = Record<string, Map<string, Row>>;

/** A feed event the model cannot apply as the server's rules would have. */
export interface FeedProblem {
  seq: number;
  type: string;
  message: string;
}

const k = (...parts: unknown[]) => parts.map(String).join("/");
const str = (v: unknown) => (v === undefined || v === null ? null : String(v));

export interface Model {
  tables: Tables;
  problems: FeedProblem[];
  at: Date;
  recordedAt: Date;
  seq: number;
  community: string;
  problem(message: string): void;
  /** The round the snapshot shows for this community: the open one, or the last opened. */
  setRound(roundId: string): void;
  /** The round the snapshot shows for this community, if any. */
  round(): string | undefined;
  markDemo(): void;
  /** community.named: the name the snapshot's row keeps. */
  name(name: string): void;
  /** `demo.cleared`: the community's entities go (its posts stay), and its demo mark and round. */
  clearDemo(): void;
  get(table: string, key: string, what: string): Row | undefined;
  bump(delta: { tests?: number; onDuty?: number; pending?: number }): void;
}

type Apply = (m: Model, p: Record<string, unknown>) => void;

const add = (m: Model, table: string, key: string, row: Row, what: string) => {
  const t = m.tables[table] as Map<string, Row>;
  if (t.has(key)) return m.problem(`${what} is registered twice`);
  t.set(key, row);
};

/** What each event type does to the projections (the rules were checked when it was taken in). */
const APPLY: Record<string, Apply> = {
  "building.registered": (m, p) =>
    add(
      m,
      "buildings",
      k(m.community, p.buildingId),
      { label: p.label, sealed: false, sealedReason: null, sealedAt: null },
      `building ${p.buildingId}`,
    ),
  "household.registered": (m, p) => {
    m.get("buildings", k(m.community, p.buildingId), `building ${p.buildingId}`);
    const contact = p.contact as { name?: string; phone?: string; otherPhones?: string[] } | undefined;
    add(
      m,
      "households",
      k(m.community, p.householdId),
      {
        buildingId: p.buildingId,
        unit: String(p.unit),
        residents: p.residents,
        contactName: str(contact?.name),
        contactPhone: str(contact?.phone),
        status: null,
        contactOtherPhones: contact?.otherPhones ?? null,
      },
      `household ${p.householdId}`,
    );
  },
  "volunteer.registered": (m, p) =>
    add(
      m,
      "volunteers",
      k(m.community, p.volunteerId),
      {
        name: p.name,
        phone: str(p.phone),
        skills: p.skills ?? [],
        building: str(p.building),
        onDuty: false,
        post: null,
        since: null,
        retiredAt: null,
        mergedInto: null,
      },
      `volunteer ${p.volunteerId}`,
    ),
  "household.updated": (m, p) => {
    const h = m.get("households", k(m.community, p.householdId), `household ${p.householdId}`);
    if (!h) return;
    if (h.buildingId !== p.buildingId) m.problem(`household ${p.householdId} moved from building ${h.buildingId} to ${p.buildingId}`);
    const contact = p.contact as { name?: string; phone?: string; otherPhones?: string[] } | undefined;
    Object.assign(h, {
      unit: String(p.unit),
      residents: p.residents,
      contactName: str(contact?.name),
      contactPhone: str(contact?.phone),
      contactOtherPhones: contact?.otherPhones ?? null,
    });
    followTap(m, p.householdId, h);
  },
  "volunteer.updated": (m, p) => {
    const v = m.get("volunteers", k(m.community, p.volunteerId), `volunteer ${p.volunteerId}`);
    if (v) Object.assign(v, { name: p.name, phone: str(p.phone), skills: p.skills ?? [], building: str(p.building) });
  },
  "registry.mapping_set": () => {},
  "round.opened": (m, p) => {
    for (const [key, r] of m.tables.rounds as Map<string, Row>)
      if (key.startsWith(`${m.community}/`) && r.closedAt === null) m.problem(`round ${p.roundId} opened while ${key} is open`);
    add(
      m,
      "rounds",
      k(m.community, p.roundId),
      { kind: p.kind, label: str(p.label), openedAt: m.at, closedAt: null },
      `round ${p.roundId}`,
    );
    m.setRound(String(p.roundId));
  },
  "round.closed": (m, p) => {
    const r = m.get("rounds", k(m.community, p.roundId), `round ${p.roundId}`);
    if (r) r.closedAt = m.at;
  },
  "household.tested": (m, p) => {
    const h = m.get("households", k(m.community, p.householdId), `household ${p.householdId}`);
    const key = k(m.community, p.roundId, p.householdId);
    const tests = m.tables.roundTests as Map<string, Row>;
    if (tests.has(key)) return;
    // A flat with no residents is not one to test: its tap is kept but set aside from the start (an unknown
    // household is a problem of its own: its tap is counted, as the feed says it was).
    const setAsideAt = h && !(Number(h.residents) > 0 && !h.status) ? m.at : null;
    tests.set(key, { testedAt: m.at, residentsTested: p.residentsTested ?? null, result: null, resultAt: null, setAsideAt });
    m.bump({ tests: 1 });
  },
  "test.result": (m, p) => {
    const t = m.get("roundTests", k(m.community, p.roundId, p.householdId), `the test of ${p.householdId} in ${p.roundId}`);
    if (t) Object.assign(t, { result: p.result, resultAt: m.at });
    if (p.result !== "positive") return;
    const h = m.get("households", k(m.community, p.householdId), `household ${p.householdId}`);
    (m.tables.alerts as Map<string, Row>).set(String(m.seq), {
      community: m.community,
      kind: "positive_result",
      buildingId: h?.buildingId ?? null,
      householdId: p.householdId,
      requestId: null,
      raisedAt: m.at,
      resolvedAt: null,
      acknowledgedAt: null,
    });
  },
  "building.sealed": (m, p) => {
    const b = m.get("buildings", k(m.community, p.buildingId), `building ${p.buildingId}`);
    if (!b) return;
    b.sealedReason = p.reason ?? b.sealedReason;
    if (!b.sealed) b.sealedAt = m.at;
    b.sealed = true;
  },
  "building.unsealed": (m, p) => {
    const b = m.get("buildings", k(m.community, p.buildingId), `building ${p.buildingId}`);
    if (b && !b.sealed) m.problem(`building ${p.buildingId} was not sealed`);
    if (b) Object.assign(b, { sealed: false, sealedReason: null, sealedAt: null });
  },
  "volunteer.checked_in": (m, p) => {
    const v = m.get("volunteers", k(m.community, p.volunteerId), `volunteer ${p.volunteerId}`);
    if (!v) return;
    if (v.onDuty) m.problem(`volunteer ${p.volunteerId} was already on duty`);
    Object.assign(v, { onDuty: true, post: p.post, since: m.at });
    m.bump({ onDuty: 1 });
  },
  "volunteer.checked_out": (m, p) => {
    const v = m.get("volunteers", k(m.community, p.volunteerId), `volunteer ${p.volunteerId}`);
    if (!v) return;
    if (!v.onDuty) m.problem(`volunteer ${p.volunteerId} was not on duty`);
    Object.assign(v, { onDuty: false, post: null, since: null });
    m.bump({ onDuty: -1 });
  },
  ...recountRequests,
  ...recountCorrections,
  "post.registered": (m, p) =>
    add(m, "posts", k(m.community, p.post), { nameZh: p.nameZh, nameEn: p.nameEn, seq: m.seq }, `post ${p.post}`),
  "post.minimum_set": (m, p) => {
    (m.tables.postMinimums as Map<string, Row>).set(k(m.community, p.post), { minimum: p.minimum });
  },
  "demo.loaded": (m) => m.markDemo(),
  "demo.cleared": (m) => m.clearDemo(),
};

const TABLES = ["buildings", "households", "volunteers", "rounds", "roundTests", "requests", "alerts", "activity", "postMinimums", "posts"];

/** Replays the feed, one event at a time in seq order. */
export class Recount {
  readonly tables: Tables = Object.fromEntries(TABLES.map((t) => [t, new Map<string, Row>()]));
  readonly problems: FeedProblem[] = [];
  private readonly lastSeq = new Map<string, number>();
  private readonly currentRound = new Map<string, string>();
  private readonly demo = new Set<string>();
  private readonly names = new Map<string, string>();

  apply(e: FeedRow): void {
    const apply = APPLY[e.type];
    const problem = (message: string) => {
      this.problems.push({ seq: e.seq, type: e.type, message });
    };
    this.lastSeq.set(e.community, e.seq);
    if (!apply) {
      problem(`unknown event type ${e.type}: this verify does not know how to recount it`);
      return;
    }
    const tables = this.tables;
    const m: Model = {
      tables,
      problems: this.problems,
      at: e.occurredAt,
      recordedAt: e.recordedAt,
      seq: e.seq,
      community: e.community,
      problem,
      setRound: (roundId) => {
        this.currentRound.set(e.community, roundId);
      },
      round: () => this.currentRound.get(e.community),
      markDemo: () => {
        this.demo.add(e.community);
      },
      name: (name) => {
        this.names.set(e.community, name);
      },
      clearDemo: () => {
        if (!this.demo.has(e.community)) problem(`community ${e.community} held no demo data`);
        for (const name of TABLES) {
          if (name === "posts") continue;
          const t = tables[name] as Map<string, Row>;
          // Alerts are keyed by seq alone and carry their community.
          for (const [key, row] of [...t]) if (key.startsWith(`${e.community}/`) || row.community === e.community) t.delete(key);
        }
        this.demo.delete(e.community);
        this.currentRound.delete(e.community);
      },
      get(table, key, what) {
        const row = (tables[table] as Map<string, Row>).get(key);
        if (!row) problem(`${what} is not registered`);
        return row;
      },
      bump(d) {
        const start = bucketStart(e.occurredAt);
        const key = k(e.community, new Date(start).toISOString());
        const a = (tables.activity as Map<string, Row>).get(key) ?? { tests: 0, onDutyDelta: 0, pendingDelta: 0 };
        a.tests = (a.tests as number) + (d.tests ?? 0);
        a.onDutyDelta = (a.onDutyDelta as number) + (d.onDuty ?? 0);
        a.pendingDelta = (a.pendingDelta as number) + (d.pending ?? 0);
        (tables.activity as Map<string, Row>).set(key, a);
      },
    };
    apply(m, e.payload);
  }

  /** community_state as a recount: every number counted from the replayed entities, not summed from deltas. */
  communityState(): Map<string, Row> {
    const out = new Map<string, Row>();
    const count = (table: string, community: string, pred: (r: Row) => boolean = () => true) => {
      let n = 0;
      for (const [key, r] of this.tables[table] as Map<string, Row>) if (key.startsWith(`${community}/`) && pred(r)) n++;
      return n;
    };
    const pending = (r: Row) => countsAsPending(r.status as never);
    for (const [community, lastSeq] of this.lastSeq)
      out.set(community, {
        lastSeq,
        demo: this.demo.has(community),
        householdsTotal: count("households", community, (r) => Number(r.residents) > 0 && !r.status),
        buildingsTotal: count("buildings", community),
        buildingsSealed: count("buildings", community, (r) => r.sealed === true),
        volunteersTotal: count("volunteers", community, (r) => !r.retiredAt),
        volunteersOnDuty: count("volunteers", community, (r) => r.onDuty === true),
        pendingRequests: count("requests", community, pending),
        urgentRequests: count("requests", community, (r) => pending(r) && r.urgent === true),
        currentRoundId: this.currentRound.get(community) ?? null,
        name: this.names.get(community) ?? null,
      });
    return out;
  }

  /** rounds with their tested_count counted from round_tests (a tap set aside, its household not lived in, not counted). */
  rounds(): Map<string, Row> {
    const tested = new Map<string, number>();
    for (const [t, row] of this.tables.roundTests as Map<string, Row>) {
      if (row.setAsideAt) continue;
      const round = t.slice(0, t.lastIndexOf("/"));
      tested.set(round, (tested.get(round) ?? 0) + 1);
    }
    const out = new Map<string, Row>();
    for (const [key, r] of this.tables.rounds as Map<string, Row>) out.set(key, { ...r, testedCount: tested.get(key) ?? 0 });
    return out;
  }
}
