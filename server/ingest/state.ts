// Why: a group of appends reads the state it refers to in one pipelined round of queries, applies
// every rule in memory in event order, and writes back only the rows it changed.
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../drizzle/client";
import { alerts, buildings, communityState, households, posts, requests, rounds, roundTests, volunteers } from "../../drizzle/schema";
import type { EventInput } from "../protocol/events";

export type Building = typeof buildings.$inferSelect;
/** Columns the corrections added: optional in memory (a missing field is written as null). */
type Later<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type Household = Later<typeof households.$inferSelect, "status">;
export type Volunteer = Later<typeof volunteers.$inferSelect, "checkedInBy" | "retiredAt" | "mergedInto">;
export type Round = typeof rounds.$inferSelect;
export type RoundTest = Later<typeof roundTests.$inferSelect, "testedBy" | "resultBy" | "resultAt" | "setAsideAt">;
export type Request = typeof requests.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type Post = typeof posts.$inferSelect;

/** The entity tables held in memory, with the row type of each. */
export interface Rows {
  buildings: Building;
  households: Household;
  volunteers: Volunteer;
  rounds: Round;
  roundTests: RoundTest;
  requests: Request;
  alerts: Alert;
  posts: Post;
}
export type TableName = keyof Rows;

export const TABLES: { [T in TableName]: PgTable } = { buildings, households, volunteers, rounds, roundTests, requests, alerts, posts };

const SEP = "\u0000";

/** `column = any($1::text[])`: one parameter for any number of ids (the statement is built once, whatever their count). */
export const anyOf = (column: PgColumn, ids: string[]) => sql`${column} = any(${sql.param(ids)}::text[])`;
export const key = (...parts: (string | number)[]) => parts.join(SEP);

/** What a group of events refers to, per community: ids to read before the rules run. */
class Needs {
  readonly byCommunity = new Map<
    string,
    {
      buildings: Set<string>;
      households: Set<string>;
      volunteers: Set<string>;
      rounds: Set<string>;
      requests: Set<string>;
      tests: Set<string>; // round \0 household
      openRound: boolean;
      posts: boolean;
      /** Households whose pending requests are all read (a resident opening one: at most three pending). */
      pendingOf: Set<string>;
      /** Households whose alarms an undone result resolves. */
      alertHouseholds: Set<string>;
      /** The round the counts follow (the open one, or the last opened), with its row. */
      currentRound: boolean;
      /** Households whose tap in the current round a vacate or reoccupy sets aside or counts again (the event names no round). */
      currentTests: Set<string>;
    }
  >();
  readonly alertSeqs = new Set<number>();

  of(community: string) {
    let n = this.byCommunity.get(community);
    if (!n) {
      n = {
        buildings: new Set(),
        households: new Set(),
        volunteers: new Set(),
        rounds: new Set(),
        requests: new Set(),
        tests: new Set(),
        openRound: false,
        posts: false,
        pendingOf: new Set(),
        alertHouseholds: new Set(),
        currentRound: false,
        currentTests: new Set(),
      };
      this.byCommunity.set(community, n);
    }
    return n;
  }
}

/** The ids each event names, so the state is read once for the whole group. */
export function needsOf(
  events: { input: EventInput; community: string }[],
  pendingOf: { community: string; householdId: string }[] = [],
): Needs {
  const needs = new Needs();
  for (const h of pendingOf) needs.of(h.community).pendingOf.add(h.householdId);
  for (const { input, community } of events) {
    const n = needs.of(community);
    const p = input.payload as Record<string, unknown>;
    const str = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : undefined);
    const buildingId = str("buildingId");
    const householdId = str("householdId");
    const volunteerId = str("volunteerId");
    const roundId = str("roundId");
    const requestId = str("requestId");
    if (buildingId) n.buildings.add(buildingId);
    if (householdId) n.households.add(householdId);
    if (volunteerId) n.volunteers.add(volunteerId);
    if (roundId) n.rounds.add(roundId);
    if (requestId) n.requests.add(requestId);
    if (roundId && householdId) n.tests.add(key(roundId, householdId));
    const into = str("intoVolunteerId");
    if (into) n.volunteers.add(into);
    if (input.type === "test.result_undone" && householdId) n.alertHouseholds.add(householdId);
    if (input.type === "round.opened") n.openRound = true;
    if (
      (input.type === "household.vacated" || input.type === "household.reoccupied" || input.type === "household.updated") &&
      householdId
    ) {
      n.currentRound = true;
      n.currentTests.add(householdId);
    }
    if (input.type === "volunteer.checked_in" || input.type === "post.minimum_set" || input.type === "post.registered") n.posts = true;
    if (input.type === "alert.acknowledged" && typeof p.alertId === "number") needs.alertSeqs.add(p.alertId);
  }
  return needs;
}

type Change = { table: TableName; key: string; before: unknown };

/**
 * The rows a group of events reads and writes, keyed by community and id (`null`: known not to
 * exist). Every change is journalled, so one append's changes can be undone when a later event of
 * it is refused while the other appends of the group stand.
 */
export class State {
  private readonly maps: { [T in TableName]: Map<string, Rows[T] | null> } = {
    buildings: new Map(),
    households: new Map(),
    volunteers: new Map(),
    rounds: new Map(),
    roundTests: new Map(),
    requests: new Map(),
    alerts: new Map(),
    posts: new Map(),
  };
  /** The open round of each community read (its id, or null). */
  readonly openRound = new Map<string, string | null>();
  /** The round each community's counts follow (the open one, or the last opened), where read or opened here. */
  readonly currentRound = new Map<string, string | null>();
  /** Keys changed, per table: what the write-back upserts. */
  readonly dirty: { [T in TableName]: Set<string> } = {
    buildings: new Set(),
    households: new Set(),
    volunteers: new Set(),
    rounds: new Set(),
    roundTests: new Set(),
    requests: new Set(),
    alerts: new Set(),
    posts: new Set(),
  };
  private journal: Change[] = [];
  private openRoundJournal: { community: string; before: string | null | undefined; current: string | null | undefined }[] = [];

  get<T extends TableName>(table: T, k: string): Rows[T] | null {
    return (this.maps[table].get(k) ?? null) as Rows[T] | null;
  }

  /** Every row of a table held for a community (posts, alerts). */
  *all<T extends TableName>(table: T, community: string): Generator<Rows[T]> {
    for (const row of this.maps[table].values()) if (row && row.community === community) yield row as Rows[T];
  }

  put<T extends TableName>(table: T, k: string, row: Rows[T]): void {
    const map = this.maps[table] as Map<string, Rows[T] | null>;
    this.journal.push({ table, key: k, before: map.has(k) ? map.get(k) : undefined });
    map.set(k, row);
    this.dirty[table].add(k);
  }

  /** Deletes a row (written back as a delete; only tables keyed by text, such as roundTests). */
  remove<T extends TableName>(table: T, k: string): void {
    const map = this.maps[table] as Map<string, Rows[T] | null>;
    this.journal.push({ table, key: k, before: map.has(k) ? map.get(k) : undefined });
    map.set(k, null);
    this.dirty[table].add(k);
  }

  /** Keys of rows removed, split into their parts (community, id, …): what the write-back deletes. */
  removed(table: TableName): string[][] {
    const out: string[][] = [];
    for (const k of this.dirty[table]) if (this.maps[table].get(k) === null) out.push(k.split(SEP));
    return out;
  }

  /** A round opened (it is the current one as well) or closed (it stays the current one). */
  setOpenRound(community: string, roundId: string | null): void {
    this.openRoundJournal.push({ community, before: this.openRound.get(community), current: this.currentRound.get(community) });
    this.openRound.set(community, roundId);
    if (roundId !== null) this.currentRound.set(community, roundId);
  }

  /** A point to undo to. */
  mark(): { journal: number; rounds: number } {
    return { journal: this.journal.length, rounds: this.openRoundJournal.length };
  }

  /** Undoes every change since `m` (dirty marks stay: the row is written back as it was, which is harmless). */
  undo(m: { journal: number; rounds: number }): void {
    while (this.journal.length > m.journal) {
      const c = this.journal.pop() as Change;
      const map = this.maps[c.table] as Map<string, unknown>;
      if (c.before === undefined) {
        map.delete(c.key);
        this.dirty[c.table].delete(c.key);
      } else map.set(c.key, c.before);
    }
    while (this.openRoundJournal.length > m.rounds) {
      const c = this.openRoundJournal.pop() as { community: string; before: string | null | undefined; current: string | null | undefined };
      if (c.before === undefined) this.openRound.delete(c.community);
      else this.openRound.set(c.community, c.before);
      if (c.current === undefined) this.currentRound.delete(c.community);
      else this.currentRound.set(c.community, c.current);
    }
  }

  /** Rows to write back, per table. */
  changed<T extends TableName>(table: T): Rows[T][] {
    const out: Rows[T][] = [];
    for (const k of this.dirty[table]) {
      const row = this.maps[table].get(k);
      if (row) out.push(row as Rows[T]);
    }
    return out;
  }

  /** Reads what `needs` names, in one pipelined round of statements; absent ids are remembered as absent. */
  async load(tx: Tx, needs: Needs): Promise<void> {
    const reads: Promise<void>[] = [];
    const read = <T extends TableName>(table: T, q: Promise<Rows[T][]>, keyOf: (r: Rows[T]) => string, expected: string[]) => {
      reads.push(
        q.then((rows) => {
          const map = this.maps[table] as Map<string, Rows[T] | null>;
          for (const k of expected) if (!map.has(k)) map.set(k, null);
          for (const r of rows) map.set(keyOf(r), r);
        }),
      );
    };
    const select = <T extends TableName>(table: T, where: SQL | undefined) =>
      tx
        .select()
        .from(TABLES[table] as typeof buildings)
        .where(where) as unknown as Promise<Rows[T][]>;
    const ids = (column: PgColumn, set: Set<string>) => anyOf(column, [...set]);
    for (const [c, n] of needs.byCommunity) {
      const mine = <T extends TableName>(table: T, column: PgColumn, idColumn: PgColumn, set: Set<string>) => {
        const fresh = [...set].filter((id) => !this.maps[table].has(key(c, id)));
        if (fresh.length === 0) return;
        read(
          table,
          select(table, and(eq(column, c), ids(idColumn, new Set(fresh)))),
          (r) => key(c, (r as unknown as Record<string, string>)[camel(idColumn.name)] as string),
          fresh.map((id) => key(c, id)),
        );
      };
      mine("buildings", buildings.community, buildings.buildingId, n.buildings);
      mine("households", households.community, households.householdId, n.households);
      mine("volunteers", volunteers.community, volunteers.volunteerId, n.volunteers);
      mine("rounds", rounds.community, rounds.roundId, n.rounds);
      mine("requests", requests.community, requests.requestId, n.requests);
      const tests = [...n.tests].filter((t) => !this.maps.roundTests.has(key(c, t)));
      if (tests.length > 0) {
        const roundIds = new Set(tests.map((t) => t.split(SEP)[0] as string));
        const householdIds = new Set(tests.map((t) => t.split(SEP)[1] as string));
        read(
          "roundTests",
          select(
            "roundTests",
            and(eq(roundTests.community, c), ids(roundTests.roundId, roundIds), ids(roundTests.householdId, householdIds)),
          ),
          (r) => key(c, r.roundId, r.householdId),
          tests.map((t) => key(c, t)),
        );
      }
      const pendingOf = [...n.pendingOf].filter((h) => !this.pendingRead.has(key(c, h)));
      if (pendingOf.length > 0) {
        for (const h of pendingOf) this.pendingRead.add(key(c, h));
        read(
          "requests",
          select("requests", and(eq(requests.community, c), eq(requests.status, "pending"), anyOf(requests.householdId, pendingOf))),
          (r) => key(c, r.requestId),
          [],
        );
      }
      if (n.requests.size > 0) {
        // Every alarm about these requests: resolving and acknowledging work on them.
        const fresh = [...n.requests].filter((id) => !this.alertsRead.has(key(c, id)));
        if (fresh.length > 0) {
          for (const id of fresh) this.alertsRead.add(key(c, id));
          read("alerts", select("alerts", and(eq(alerts.community, c), anyOf(alerts.requestId, fresh))), (r) => String(r.seq), []);
        }
      }
      const homes = [...n.alertHouseholds].filter((h) => !this.alertsRead.has(key(c, "household", h)));
      if (homes.length > 0) {
        for (const h of homes) this.alertsRead.add(key(c, "household", h));
        read("alerts", select("alerts", and(eq(alerts.community, c), anyOf(alerts.householdId, homes))), (r) => String(r.seq), []);
      }
      if (n.openRound && !this.openRound.has(c))
        reads.push(
          tx
            .select({ roundId: rounds.roundId })
            .from(rounds)
            .where(and(eq(rounds.community, c), isNull(rounds.closedAt)))
            .then((rows) => {
              this.openRound.set(c, rows[0]?.roundId ?? null);
            }),
        );
      if (n.currentRound && !this.currentRound.has(c))
        reads.push(
          tx
            .select({ r: rounds })
            .from(communityState)
            .innerJoin(rounds, and(eq(rounds.community, communityState.community), eq(rounds.roundId, communityState.currentRoundId)))
            .where(eq(communityState.community, c))
            .then((rows) => {
              const r = rows[0]?.r;
              // A round opened by this group is set in memory before this read's answer is used: that one stands.
              if (this.currentRound.has(c)) return;
              this.currentRound.set(c, r?.roundId ?? null);
              if (r && !this.maps.rounds.has(key(c, r.roundId))) this.maps.rounds.set(key(c, r.roundId), r);
            }),
        );
      const currentTests = [...n.currentTests].filter((h) => !this.currentTestsRead.has(key(c, h)));
      if (currentTests.length > 0) {
        for (const h of currentTests) this.currentTestsRead.add(key(c, h));
        // These households' taps in the round the store holds current (a round opened by this group has none stored).
        reads.push(
          tx
            .select({ t: roundTests })
            .from(roundTests)
            .innerJoin(
              communityState,
              and(eq(communityState.community, roundTests.community), eq(communityState.currentRoundId, roundTests.roundId)),
            )
            .where(and(eq(roundTests.community, c), anyOf(roundTests.householdId, currentTests)))
            .then((rows) => {
              for (const { t } of rows) {
                const k = key(c, t.roundId, t.householdId);
                if (!this.maps.roundTests.has(k)) this.maps.roundTests.set(k, t);
              }
            }),
        );
      }
      if (n.posts && !this.postsRead.has(c)) {
        this.postsRead.add(c);
        read("posts", select("posts", eq(posts.community, c)), (r) => key(c, r.post), []);
      }
    }
    const seqs = [...needs.alertSeqs].filter((s) => !this.maps.alerts.has(String(s)));
    if (seqs.length > 0)
      read(
        "alerts",
        select("alerts", inArray(alerts.seq, seqs)),
        (r) => String(r.seq),
        seqs.map((s) => String(s)),
      );
    await Promise.all(reads);
  }

  private readonly alertsRead = new Set<string>();
  private readonly postsRead = new Set<string>();
  private readonly pendingRead = new Set<string>();
  private readonly currentTestsRead = new Set<string>();
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
