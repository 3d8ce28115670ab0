import { randomUUID } from "node:crypto";
import type { SQL } from "drizzle-orm";
import type { Db, Tx } from "../../drizzle/client";
import { events } from "../../drizzle/schema";
import { mayPost } from "../domain/permissions";
import { AppError, conflict, english, fail } from "../errors";
import { unknownFiles } from "../files/store";
import { EventInput, type EventType } from "../protocol/events";
import type { Role } from "../protocol/vocabularies";
import { invalid, zodIssues } from "../zod-issues";
import { BatchEffects } from "./batch";
import { clearDemo } from "./demo-clear";
import { demoCommunities, guardRegistration } from "./demo-guard";
import { fingerprint } from "./fingerprint";
import { inGroupTransaction } from "./group-tx";
import type { RuleContext } from "./rules";
import { ALL_RULES } from "./rules-corrections";
import { anyOf, needsOf, State } from "./state";
import { groupWrites } from "./write";

export { FEED_CHANNEL } from "./write";

const FUTURE_SLACK_MS = 5 * 60_000;
/** Event types no token may post: they describe the server's own doings. */
const INTERNAL_TYPES: ReadonlySet<EventType> = new Set<EventType>(["demo.loaded"]);

export interface Actor {
  role: Role;
  /** Who posted, for the audit trail: a token label or an internal name. */
  name: string;
  /** The server itself (the demo loader): only it may post internal event types such as `demo.loaded`. */
  internal?: boolean;
  /** A volunteer's own token: recorded as that volunteer, who checks only themself in and out. */
  volunteer?: { community: string; volunteerId: string };
  /** A household's own token (contract section 7): it acts for that household and its requests only. */
  resident?: { community: string; householdId: string };
  /** A token's compound (v1.2): it posts there only, and an event without `community` goes there. The operator posts anywhere. */
  scope?: { community: string; operator: boolean };
}

/** The actor as the feed records it: a bound volunteer by their id, anyone else by the token's label. */
export const actorName = (actor: Actor) =>
  actor.volunteer ? `volunteer:${actor.volunteer.volunteerId}` : actor.resident ? `household:${actor.resident.householdId}` : actor.name;

/** What a volunteer's own token may not do: post for another community, or check someone else in or out. */
function boundProblem(actor: Actor, input: EventInput, community: string): AppError | null {
  if (actor.scope && !actor.scope.operator && community !== actor.scope.community)
    return fail("forbidden", "community_forbidden", { community });
  const r = actor.resident;
  if (r && input.type === "request.opened" && input.payload.householdId !== r.householdId)
    return fail("forbidden", "resident_other_household", { householdId: r.householdId });
  const v = actor.volunteer;
  if (!v) return null;
  if (community !== v.community) return fail("forbidden", "bound_other_community", { volunteerId: v.volunteerId, community: v.community });
  if ((input.type === "volunteer.checked_in" || input.type === "volunteer.checked_out") && input.payload.volunteerId !== v.volunteerId)
    return fail("forbidden", "bound_other_volunteer", { volunteerId: v.volunteerId });
  return null;
}

export interface Accepted {
  id: string;
  seq: number;
  duplicate: boolean;
}

const PROGRESS_EVERY = 100;

type Parsed = { input: EventInput; id: string; community: string; at: Date; fingerprint: string };

const where = (batch: boolean, i: number) => (batch ? `events[${i}]` : "");
const join = (prefix: string, path: string) => [prefix, path].filter(Boolean).join(".");
const label = (batch: boolean, i: number) => (batch ? `event ${i}: ` : "");
/** The refusal with its message naming the event of a batch. */
const relabel = (err: AppError, batch: boolean, i: number) => (batch ? err.retold(`${label(batch, i)}${err.message}`, []) : err);

/** Schema, permission and time checks that need no database. Throws 400/403 naming the event. */
export function parseEvents(raw: unknown[], actor: Actor, batch: boolean, now = new Date()): Parsed[] {
  return raw.map((item, i) => {
    const prefix = where(batch, i);
    const r = EventInput.safeParse(item);
    if (!r.success) {
      const issues = zodIssues(r.error.issues, prefix);
      const first = issues[0];
      throw invalid(`${label(batch, i)}${first ? `${first.path || "event"}: ${first.message}` : "invalid event"}`, issues);
    }
    const input = r.data as EventInput;
    if (INTERNAL_TYPES.has(input.type) && !actor.internal)
      throw relabel(fail("forbidden", "internal_event_type", { type: input.type }), batch, i);
    if (!mayPost(actor.role, input.type))
      throw relabel(fail("forbidden", "role_may_not_post", { role: actor.role, type: input.type }), batch, i);
    const at = input.occurredAt ? new Date(input.occurredAt) : now;
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      const path = join(prefix, "occurredAt");
      throw new AppError(
        "validation",
        "occurred_in_future",
        {},
        {
          message: `${label(batch, i)}${english("occurred_in_future")}`,
          issues: [{ path, message: "is in the future", reason: "in_future", params: { path } }],
        },
      );
    }
    const community = input.community ?? actor.scope?.community ?? "default";
    const bound = boundProblem(actor, input, community);
    if (bound) throw relabel(bound, batch, i);
    return {
      input,
      id: input.id ?? randomUUID(),
      community,
      at,
      fingerprint: fingerprint({ type: input.type, community, occurredAt: input.occurredAt ?? null, payload: input.payload }),
    };
  });
}

type Job = {
  parsed: Parsed[];
  actor: Actor;
  batch: boolean;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  resolve: (accepted: Accepted[]) => void;
  reject: (err: unknown) => void;
};

/** Events a group takes at most: appends that arrive while one is being written wait for the next. */
const GROUP_EVENTS = 5000;
const clears = (job: Job) => job.parsed.some((p) => p.input.type === "demo.cleared");

/**
 * One writer per database handle. Appends that arrive while a transaction is under way are
 * written together in the next one (group commit): each keeps its own all-or-nothing answer,
 * and the feed clock's lock is taken once for all of them. On PostgreSQL the next group starts as
 * soon as the one before has sent its writes and COMMIT: its BEGIN and its request for the lock
 * are on the server by the time that COMMIT frees the lock, so the lock passes from one group to
 * the next without a round trip in between. Its reads are sent behind the lock, so they see what
 * the group before committed. So a node holds at most two writing connections (one committing,
 * one waiting for the lock), and reads (health, snapshots) keep the rest of the pool. Groups are
 * answered, and their commits reported, in the order they were formed, which is seq order.
 */
class Writer {
  private readonly jobs: Job[] = [];
  /** A group is being formed, or has not yet sent its writes: the next must wait for that. */
  private busy = false;
  /** The last group's answers, delivered: the next group's wait for it. */
  private delivered: Promise<void> = Promise.resolve();
  readonly committed = new Set<(w: Written) => void>();

  constructor(private readonly db: Db) {}

  submit(job: Job): void {
    this.jobs.push(job);
    this.next();
  }

  private next(): void {
    if (this.busy || this.jobs.length === 0) return;
    this.busy = true;
    // Let requests whose bodies are already read join this group.
    setImmediate(() => this.start());
  }

  private start(): void {
    const group: Job[] = [this.jobs.shift() as Job];
    let size = group[0]?.parsed.length ?? 0;
    if (!clears(group[0] as Job))
      while (this.jobs.length > 0) {
        const next = this.jobs[0] as Job;
        if (clears(next) || size + next.parsed.length > GROUP_EVENTS) break;
        group.push(this.jobs.shift() as Job);
        size += next.parsed.length;
      }
    let sent = false;
    const onSent = () => {
      if (sent) return;
      sent = true;
      this.busy = false;
      this.next();
    };
    const done = writeGroup(this.db, group, onSent).catch((err: unknown) => ({
      outcomes: group.map((): Outcome => ({ error: err })),
      written: null,
    }));
    const before = this.delivered;
    this.delivered = Promise.all([before, done]).then(([, { outcomes, written }]) => {
      onSent();
      // A listener that throws must not leave the answers, or the groups after, waiting.
      if (written)
        for (const fn of this.committed)
          try {
            fn(written);
          } catch (err) {
            process.emitWarning(`a commit listener failed: ${(err as Error).message}`);
          }
      for (const [i, job] of group.entries()) {
        const o = outcomes[i] as Outcome;
        if ("error" in o) job.reject(o.error);
        else job.resolve(o.accepted);
      }
    });
  }
}

const writers = new WeakMap<Db, Writer>();
const writerOf = (db: Db): Writer => writers.get(db) ?? writers.set(db, new Writer(db)).get(db)!;

/** What one committed group wrote: seqs `first`..`last`, all of them, in these communities. */
export interface Written {
  first: number;
  last: number;
  communities: string[];
}

/**
 * Calls `fn` after each commit this node makes, before its callers are answered: the node's own
 * screens need not wait for the NOTIFY and a read of the feed to learn what it just wrote.
 */
export function onCommitted(db: Db, fn: (w: Written) => void): () => void {
  const w = writerOf(db);
  w.committed.add(fn);
  return () => w.committed.delete(fn);
}

/**
 * Appends events: seq assigned under the feed clock's row lock (commit order = seq order, no
 * gaps), rules checked in memory against the projections read under that lock, projections
 * written in the same transaction, one NOTIFY with the last seq. All or nothing per call, for any
 * number of events (the HTTP batch limit of 1,000 is the route's; a registry import passes
 * thousands in one call). Concurrent calls share a transaction but never each other's refusals.
 */
export async function appendEvents(
  db: Db,
  raw: unknown[],
  actor: Actor,
  /** `onProgress`: awaited as the rules are checked, every PROGRESS_EVERY events (a long import shows its progress). */
  opts: { batch?: boolean; onProgress?: (done: number, total: number) => void | Promise<void> } = {},
): Promise<Accepted[]> {
  const batch = opts.batch ?? raw.length > 1;
  const parsed = parseEvents(raw, actor, batch);
  await checkFiles(db, parsed, batch);
  const w = writerOf(db);
  return new Promise<Accepted[]>((resolve, reject) => w.submit({ parsed, actor, batch, onProgress: opts.onProgress, resolve, reject }));
}

/**
 * A document's fileId must name a file of the event's community (409 otherwise). Read before the transaction: files are
 * never deleted, so a file known now is known when the event commits.
 */
async function checkFiles(db: Db, parsed: Parsed[], batch: boolean): Promise<void> {
  const named = parsed
    .map((p, i) => ({ p, i, fileId: p.input.type === "request.document_added" ? p.input.payload.fileId : undefined }))
    .filter((x): x is { p: Parsed; i: number; fileId: string } => Boolean(x.fileId));
  for (const community of new Set(named.map((x) => x.p.community))) {
    const mine = named.filter((x) => x.p.community === community);
    const unknown = new Set(await unknownFiles(db, community, [...new Set(mine.map((x) => x.fileId))]));
    const first = mine.find((x) => unknown.has(x.fileId));
    if (first) throw placed(conflict("file_unknown", { fileId: first.fileId }, "payload.fileId"), batch, first.i);
  }
}

type Outcome = { accepted: Accepted[] } | { error: unknown };
type Row = typeof events.$inferInsert;

/** A refusal of one event of an append, told with the event's place in its batch. */
function placed(err: unknown, batch: boolean, i: number): unknown {
  if (!(err instanceof AppError)) return err;
  const issues = err.issues.map((x) => ({ ...x, path: join(where(batch, i), x.path) }));
  return err.retold(`${label(batch, i)}${err.message}`, issues);
}

function reused(batch: boolean, i: number, id: string): AppError {
  return new AppError(
    "conflict",
    "event_id_reused",
    { id },
    {
      message: `${label(batch, i)}${english("event_id_reused", { id })}`,
      issues: [{ path: join(where(batch, i), "id"), message: "already used for other content", reason: "event_id_reused", params: { id } }],
    },
  );
}

/**
 * One transaction for a group of appends: lock and read (sent together), apply in memory, then
 * write and commit (sent together).
 */
async function writeGroup(db: Db, group: Job[], onSent: () => void): Promise<{ outcomes: Outcome[]; written: Written | null }> {
  return inGroupTransaction(db, onSent, async ({ tx, lock }) => {
    // The record time is read once the lock is held, so it rises with seq (now() would be the
    // transaction's start, before the wait). The reads are sent behind the lock and so run under it.
    const locked = lock();

    const all = group.flatMap((j) => j.parsed);
    const ids = all.filter((p) => p.input.id).map((p) => p.id);
    const known = new Map<string, { seq: number; fingerprint: string }>();
    const reads: Promise<unknown>[] = [];
    if (ids.length > 0)
      reads.push(
        tx
          .select({ id: events.id, seq: events.seq, fingerprint: events.fingerprint })
          .from(events)
          .where(anyOf(events.id, ids))
          .then((rows) => {
            for (const r of rows) known.set(r.id, r);
          }),
      );
    let state = new State();
    const loadable = (list: Parsed[]) => list.filter((p) => p.input.type !== "demo.cleared");
    reads.push(state.load(tx, needsOf(loadable(all), residentOpens(group))));
    const demo = demoCommunities(tx, all);
    const [clock, holdsDemo] = await Promise.all([locked, demo, ...reads]);
    let last = clock.last;
    const first = clock.last + 1;
    const touched = new Set<string>();
    const recordedAt = new Date(clock.nowMs);

    let effects = new BatchEffects();
    let rows: Row[] = [];
    const outcomes: Outcome[] = [];
    for (const job of group) {
      const mark = state.mark();
      const start = last;
      let mine = new BatchEffects();
      const myRows: Row[] = [];
      const myKnown = new Map<string, { seq: number; fingerprint: string }>();
      const accepted: Accepted[] = [];
      try {
        for (const [i, p] of job.parsed.entries()) {
          if (job.onProgress && i % PROGRESS_EVERY === 0) await job.onProgress(i, job.parsed.length);
          const seen = myKnown.get(p.id) ?? known.get(p.id);
          if (seen) {
            if (seen.fingerprint !== p.fingerprint) throw reused(job.batch, i, p.id);
            accepted.push({ id: p.id, seq: seen.seq, duplicate: true });
            continue;
          }
          const seq = last + 1;
          if (p.input.type === "demo.cleared") {
            // Alone in its group: what came before it is written, the tables are emptied, and the
            // rest of the append reads the state afresh.
            effects.merge(mine);
            await flush(tx, [...rows, ...myRows], state, effects, last);
            rows = [];
            myRows.length = 0;
            // Everything gathered so far is written: kept, it would be merged and written again at the
            // group's end (another community's activity counted twice).
            effects = new BatchEffects();
            mine = new BatchEffects();
            try {
              await clearDemo({ tx, community: p.community, at: p.at, recordedAt, seq, effects: mine });
            } catch (err) {
              throw placed(err, job.batch, i);
            }
            state = new State();
            await state.load(tx, needsOf(loadable(job.parsed.slice(i + 1)), residentOpens(group)));
            holdsDemo.delete(p.community);
          } else {
            try {
              const demoHere = holdsDemo.has(p.community) || effects.demo.has(p.community) || mine.demo.has(p.community);
              guardRegistration(p.input.type, p.community, job.actor.internal === true, demoHere);
              (ALL_RULES[p.input.type as keyof typeof ALL_RULES] as (c: RuleContext, payload: unknown) => void)(
                {
                  state,
                  community: p.community,
                  at: p.at,
                  recordedAt,
                  seq,
                  effects: mine,
                  actor: actorName(job.actor),
                  role: job.actor.role,
                  resident: job.actor.resident,
                },
                p.input.payload,
              );
            } catch (err) {
              throw placed(err, job.batch, i);
            }
          }
          last = seq;
          myKnown.set(p.id, { seq, fingerprint: p.fingerprint });
          mine.lastSeq.set(p.community, seq);
          // A superset is harmless (an append refused later only costs its community a re-send).
          touched.add(p.community);
          myRows.push({
            seq,
            id: p.id,
            type: p.input.type,
            community: p.community,
            occurredAt: p.at,
            recordedAt,
            actor: actorName(job.actor),
            payload: p.input.payload,
            fingerprint: p.fingerprint,
          });
          accepted.push({ id: p.id, seq, duplicate: false });
        }
      } catch (err) {
        // A refusal leaves the group as it was before this append; anything else fails them all.
        if (!(err instanceof AppError) || clears(job)) throw err;
        state.undo(mark);
        last = start;
        outcomes.push({ error: err });
        continue;
      }
      for (const [id, k] of myKnown) known.set(id, k);
      effects.merge(mine);
      rows.push(...myRows);
      outcomes.push({ accepted });
    }
    return {
      result: { outcomes, written: last >= first ? { first, last, communities: [...touched] } : null },
      writes: rows.length > 0 ? groupWrites(tx, rows, state, effects, last) : [],
    };
  });
}

/** Households whose residents open requests in this group: their pending requests are read, for the limit of three. */
function residentOpens(group: Job[]): { community: string; householdId: string }[] {
  return group.flatMap((j) => (j.actor.resident && j.parsed.some((p) => p.input.type === "request.opened") ? [j.actor.resident] : []));
}

/** Writes what is gathered, when anything is, and waits for it (before demo.cleared empties the tables). */
async function flush(tx: Tx, rows: Row[], state: State, effects: BatchEffects, last: number): Promise<void> {
  if (rows.length === 0) return;
  const writes: SQL[] = groupWrites(tx, rows, state, effects, last);
  await Promise.all(writes.map((w) => tx.execute(w)));
}

export type { EventType };
