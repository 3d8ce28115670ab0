import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, events, feedClock, rounds } from "../../drizzle/schema";
import type { Role } from "../../drizzle/schema/constants";
import { mayPost } from "../domain/permissions";
import { AppError, type Issue } from "../errors";
import { EventInput, type EventType } from "../protocol/events";
import { BatchEffects } from "./batch";
import { fingerprint } from "./fingerprint";
import { HANDLERS } from "./handlers";
import { writeActivity } from "./wall-effects";

export const FEED_CHANNEL = "cordon_feed";
const FUTURE_SLACK_MS = 5 * 60_000;

export interface Actor {
  role: Role;
  /** Who posted, for the audit trail: a token label or an internal name. */
  name: string;
}

export interface Accepted {
  id: string;
  seq: number;
  duplicate: boolean;
}

type Parsed = { input: EventInput; id: string; community: string; at: Date; fingerprint: string };

const where = (batch: boolean, i: number) => (batch ? `events[${i}]` : "");
const join = (prefix: string, path: string) => [prefix, path].filter(Boolean).join(".");
const label = (batch: boolean, i: number) => (batch ? `event ${i}: ` : "");

/** Schema, permission and time checks that need no database. Throws 400/403 naming the event. */
export function parseEvents(raw: unknown[], actor: Actor, batch: boolean, now = new Date()): Parsed[] {
  return raw.map((item, i) => {
    const prefix = where(batch, i);
    const r = EventInput.safeParse(item);
    if (!r.success) {
      const issues: Issue[] = r.error.issues.map((x) => ({ path: join(prefix, x.path.join(".")), message: x.message }));
      const first = issues[0];
      throw new AppError(
        "validation",
        `${label(batch, i)}${first ? `${first.path || "event"}: ${first.message}` : "invalid event"}`,
        issues,
      );
    }
    const input = r.data as EventInput;
    if (!mayPost(actor.role, input.type))
      throw new AppError("forbidden", `${label(batch, i)}the ${actor.role} role may not post ${input.type}`);
    const at = input.occurredAt ? new Date(input.occurredAt) : now;
    if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
      const path = join(prefix, "occurredAt");
      throw new AppError("validation", `${label(batch, i)}occurredAt is in the future; check the device clock`, [
        { path, message: "is in the future" },
      ]);
    }
    const community = input.community ?? "default";
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
 * one NOTIFY with the last seq. All or nothing.
 */
export async function appendEvents(db: Db, raw: unknown[], actor: Actor, opts: { batch?: boolean } = {}): Promise<Accepted[]> {
  const batch = opts.batch ?? raw.length > 1;
  const parsed = parseEvents(raw, actor, batch);
  return db.transaction(async (tx) => {
    const [clock] = await tx.select({ last: feedClock.last }).from(feedClock).where(eq(feedClock.id, 1)).for("update");
    if (!clock) throw new Error("feed_clock row missing: migrations did not run");
    let last = clock.last;

    const ids = parsed.filter((p) => p.input.id).map((p) => p.id);
    const known = new Map<string, { seq: number; fingerprint: string }>();
    if (ids.length > 0) {
      const rows = await tx
        .select({ id: events.id, seq: events.seq, fingerprint: events.fingerprint })
        .from(events)
        .where(inArray(events.id, ids));
      for (const r of rows) known.set(r.id, r);
    }

    const effects = new BatchEffects();
    const rows: (typeof events.$inferInsert)[] = [];
    const accepted: Accepted[] = [];
    for (const [i, p] of parsed.entries()) {
      const seen = known.get(p.id);
      if (seen) {
        if (seen.fingerprint !== p.fingerprint)
          throw new AppError("conflict", `${label(batch, i)}event id ${p.id} was already used for other content; use a new id`, [
            { path: join(where(batch, i), "id"), message: "already used for other content" },
          ]);
        accepted.push({ id: p.id, seq: seen.seq, duplicate: true });
        continue;
      }
      const seq = last + 1;
      try {
        await (HANDLERS[p.input.type] as (c: unknown, payload: unknown) => Promise<void>)(
          { tx, community: p.community, at: p.at, seq, effects },
          p.input.payload,
        );
      } catch (err) {
        if (err instanceof AppError) {
          const issues = err.issues.map((x) => ({ ...x, path: join(where(batch, i), x.path) }));
          throw new AppError(err.code, `${label(batch, i)}${err.message}`, issues);
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
        actor: actor.name,
        payload: p.input.payload,
        fingerprint: p.fingerprint,
      });
      accepted.push({ id: p.id, seq, duplicate: false });
    }
    if (rows.length === 0) return accepted;

    await tx.insert(events).values(rows);
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
