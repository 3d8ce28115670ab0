// Why: the street office's wall (contract v1.2, section 9): every compound it watches in one answer, a few queries in all.
import { and, asc, count, eq, gte, inArray } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../drizzle/client";
import { communityState, events, postMinimums, posts, rounds, roundTests, volunteers } from "../../drizzle/schema";
import { mergePosts, type RegisteredPost } from "../domain/wall-posts";
import { dayBounds, localDate } from "../domain/zoned-day";
import type { StreetEntry } from "../protocol/state";
import { currentRound, emptySnapshot, SNAPSHOT_COLUMNS, snapshotOf } from "./snapshot";

type Extras = Pick<StreetEntry, "posts" | "positives">;

/** Per compound: each post's volunteers on duty against its minimum, and the positive results given since `since`. */
async function readExtras(db: Db, communities: string[] | null, since: Date): Promise<Map<string, Extras>> {
  const only = (col: AnyPgColumn) => (communities ? inArray(col, communities) : undefined);
  const [onDuty, mins, registered, positives] = await Promise.all([
    db
      .select({ community: volunteers.community, post: volunteers.post, n: count() })
      .from(volunteers)
      .where(and(only(volunteers.community), eq(volunteers.onDuty, true)))
      .groupBy(volunteers.community, volunteers.post),
    db
      .select({ community: postMinimums.community, post: postMinimums.post, minimum: postMinimums.minimum })
      .from(postMinimums)
      .where(only(postMinimums.community)),
    db
      .select({ community: posts.community, post: posts.post, nameZh: posts.nameZh, nameEn: posts.nameEn })
      .from(posts)
      .where(only(posts.community))
      .orderBy(asc(posts.community), asc(posts.seq)),
    db
      .select({ community: roundTests.community, n: count() })
      .from(roundTests)
      .where(and(only(roundTests.community), eq(roundTests.result, "positive"), gte(roundTests.resultAt, since)))
      .groupBy(roundTests.community),
  ]);
  const by = <T extends { community: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.community, [...(m.get(r.community) ?? []), r]);
    return m;
  };
  const dutyBy = by(onDuty);
  const minBy = by(mins);
  const regBy = by(registered);
  const posBy = new Map(positives.map((r) => [r.community, Number(r.n)]));
  const names = new Set([...dutyBy.keys(), ...minBy.keys(), ...regBy.keys(), ...posBy.keys()]);
  const out = new Map<string, Extras>();
  for (const c of names) {
    const merged = mergePosts(
      (regBy.get(c) ?? []).map(({ post, nameZh, nameEn }): RegisteredPost => ({ post, nameZh, nameEn })),
      (dutyBy.get(c) ?? []).flatMap((r) => (r.post ? [{ post: r.post, n: Number(r.n) }] : [])),
      minBy.get(c) ?? [],
    );
    out.set(c, { posts: merged, positives: posBy.get(c) ?? 0 });
  }
  return out;
}

const NO_EXTRAS: Extras = { posts: [], positives: 0 };

/** Where "today" is when none is configured (REPORT_TIME_ZONE). */
export const STREET_TIME_ZONE = "Asia/Shanghai";

/**
 * The compounds named (all of them for `null`), each as its snapshot with its name, last event's time, posts, and
 * positives today: results given since midnight in `timeZone`.
 */
export async function readStreet(db: Db, communities: string[] | null, timeZone = STREET_TIME_ZONE): Promise<StreetEntry[]> {
  if (communities?.length === 0) return [];
  // One connection and one snapshot for the five reads: the counts and the posts agree, and a busy pool is waited for once.
  const [rows, extras] = await db.transaction(
    async (txn) => {
      const tx = txn as unknown as Db;
      const counts = await tx
        .select({ ...SNAPSHOT_COLUMNS, lastEventAt: events.recordedAt })
        .from(communityState)
        .leftJoin(rounds, currentRound)
        .leftJoin(events, eq(events.seq, communityState.lastSeq))
        .where(communities ? inArray(communityState.community, communities) : undefined)
        .orderBy(asc(communityState.community));
      return [counts, await readExtras(tx, communities, dayBounds(localDate(Date.now(), timeZone), timeZone).start)] as const;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const found = new Map<string, StreetEntry>(
    rows.map((r) => [
      r.s.community,
      {
        ...snapshotOf(r.s.community, r),
        name: r.s.name ?? null,
        lastEventAt: r.lastEventAt?.toISOString() ?? null,
        ...(extras.get(r.s.community) ?? NO_EXTRAS),
      },
    ]),
  );
  // A compound named but without an event yet still has its tile, empty.
  for (const c of communities ?? []) if (!found.has(c)) found.set(c, { ...emptySnapshot(c), name: null, lastEventAt: null, ...NO_EXTRAS });
  return [...found.values()];
}
