import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, events, feedClock, rounds } from "../../drizzle/schema";
import type { Role } from "../../drizzle/schema/constants";
import { mayPost } from "../domain/permissions";
import { AppError, english, fail } from "../errors";
import { EventInput, type EventType } from "../protocol/events";
import { invalid, zodIssues } from "../zod-issues";
import { BatchEffects } from "./batch";
import { fingerprint } from "./fingerprint";
import { HANDLERS } from "./handlers";
import { writeActivity } from "./wall-effects";

export const FEED_CHANNEL = "cordon_feed";
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
}

/** The actor as the feed records it: a bound volunteer by their id, anyone else by the token's label. */
export const actorName = (actor: Actor) => (actor.volunteer ? `volunteer:${actor.volunteer.volunteerId}` : actor.name);

/** What a volunteer's own token may not do: post for another community, or check someone else in or out. */
function boundProblem(actor: Actor, input: EventInput, community: string): AppError | null {
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

/** Statements take at most this many rows, so a transaction of any size stays under PostgreSQL's 65,535 parameters. */
const STATEMENT_ROWS = 1000;
const PROGRESS_EVERY = 100;
function* chunks<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += STATEMENT_ROWS) yield list.slice(i, i + STATEMENT_ROWS);
}

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
    const community = input.community ?? "default";
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

/**
 * Appends events in one transaction: seq assigned under the feed clock's row lock (commit
 * order = seq order, no gaps), rules checked against the projections, projections updated,
 * one NOTIFY with the last seq. All or nothing, for any number of events (the HTTP batch limit of 1,000
 * is the route's; a registry import passes thousands in one call).
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
  return db.transaction(async (tx) => {
    // The record time is read once the lock is held, so it rises with seq (now() would be the
    // transaction's start, before the wait).
    const [clock] = await tx
      .select({ last: feedClock.last, nowMs: sql<number>`(extract(epoch from clock_timestamp()) * 1000)::float8` })
      .from(feedClock)
      .where(eq(feedClock.id, 1))
      .for("update");
    if (!clock) throw new Error("feed_clock row missing: migrations did not run");
    let last = clock.last;
    const recordedAt = new Date(Number(clock.nowMs));

    const ids = parsed.filter((p) => p.input.id).map((p) => p.id);
    const known = new Map<string, { seq: number; fingerprint: string }>();
    for (const part of chunks(ids)) {
      const rows = await tx
        .select({ id: events.id, seq: events.seq, fingerprint: events.fingerprint })
        .from(events)
        .where(inArray(events.id, part));
      for (const r of rows) known.set(r.id, r);
    }

    const effects = new BatchEffects();
    const rows: (typeof events.$inferInsert)[] = [];
    const accepted: Accepted[] = [];
    for (const [i, p] of parsed.entries()) {
      if (opts.onProgress && i % PROGRESS_EVERY === 0) await opts.onProgress(i, parsed.length);
      const seen = known.get(p.id);
      if (seen) {
        if (seen.fingerprint !== p.fingerprint)
          throw new AppError(
            "conflict",
            "event_id_reused",
            { id: p.id },
            {
              message: `${label(batch, i)}${english("event_id_reused", { id: p.id })}`,
              issues: [
                {
                  path: join(where(batch, i), "id"),
                  message: "already used for other content",
                  reason: "event_id_reused",
                  params: { id: p.id },
                },
              ],
            },
          );
        accepted.push({ id: p.id, seq: seen.seq, duplicate: true });
        continue;
      }
      const seq = last + 1;
      try {
        await (HANDLERS[p.input.type] as (c: unknown, payload: unknown) => Promise<void>)(
          { tx, community: p.community, at: p.at, recordedAt, seq, effects },
          p.input.payload,
        );
      } catch (err) {
        if (err instanceof AppError) {
          const issues = err.issues.map((x) => ({ ...x, path: join(where(batch, i), x.path) }));
          throw err.retold(`${label(batch, i)}${err.message}`, issues);
        }
        throw err;
      }
      last = seq;
      known.set(p.id, { seq, fingerprint: p.fingerprint });
      effects.lastSeq.set(p.community, seq);
      rows.push({
        seq,
        id: p.id,
        type: p.input.type,
        community: p.community,
        occurredAt: p.at,
        recordedAt,
        actor: actorName(actor),
        payload: p.input.payload,
        fingerprint: p.fingerprint,
      });
      accepted.push({ id: p.id, seq, duplicate: false });
    }
    if (rows.length === 0) return accepted;

    for (const part of chunks(rows)) await tx.insert(events).values(part);
    await writeEffects(tx as unknown as Db, effects);
    // The clock moves and the nudge is queued in one statement; NOTIFY is delivered at commit.
    await tx
      .update(feedClock)
      .set({ last })
      .where(eq(feedClock.id, 1))
      .returning({ notified: sql`pg_notify(${FEED_CHANNEL}, ${String(last)})::text` });
    return accepted;
  });
}

async function writeEffects(tx: Db, effects: BatchEffects): Promise<void> {
  await writeActivity(tx, effects);
  for (const t of effects.tested.values()) {
    await tx
      .update(rounds)
      .set({ testedCount: sql`${rounds.testedCount} + ${t.n}` })
      .where(sql`${rounds.community} = ${t.community} and ${rounds.roundId} = ${t.roundId}`);
  }
  // One upsert per community: a new community's row starts from the batch's deltas.
  for (const [community, lastSeq] of effects.lastSeq) {
    const deltas = effects.counts.get(community) ?? {};
    const round = effects.currentRound.get(community);
    const demo = effects.demo.has(community);
    const set: Record<string, unknown> = { lastSeq };
    for (const [key, n] of Object.entries(deltas)) {
      if (!n) continue;
      const column = communityState[key as keyof typeof deltas & keyof typeof communityState];
      set[key] = sql`${column} + ${n}`;
    }
    if (round) set.currentRoundId = round;
    if (demo) set.demo = true;
    await tx
      .insert(communityState)
      .values({ community, lastSeq, ...deltas, currentRoundId: round ?? null, demo })
      .onConflictDoUpdate({ target: communityState.community, set });
  }
}

export type { EventType };
