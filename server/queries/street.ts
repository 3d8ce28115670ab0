// Why: the street office's wall (contract v1.2, section 9): every compound it watches in one answer, a few queries in all.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../drizzle/client";
import { communityState, events, postMinimums, posts, rounds, roundTests, volunteers } from "../../drizzle/schema";
import { mergePosts, type RegisteredPost } from "../domain/wall-posts";
import type { StreetEntry } from "../protocol/state";
import { currentRound, emptySnapshot, SNAPSHOT_COLUMNS, snapshotOf } from "./snapshot";

type Extras = Pick<StreetEntry, "posts" | "positives">;

/** Per compound: each post's volunteers on duty against its minimum, and the positives of the open round. */
async function readExtras(db: Db, communities: string[] | null): Promise<Map<string, Extras>> {
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
      .select({
        community: communityState.community,
        n: sql<number>`count(*) filter (where ${roundTests.result} = 'positive')`.mapWith(Number),
      })
      .from(communityState)
      .innerJoin(rounds, and(currentRound, sql`${rounds.closedAt} is null`))
      .innerJoin(roundTests, and(eq(roundTests.community, rounds.community), eq(roundTests.roundId, rounds.roundId)))
      .where(only(communityState.community))
      .groupBy(communityState.community),
  ]);
  const by = <T extends { community: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.community, [...(m.get(r.community) ?? []), r]);
    return m;
  };
  const dutyBy = by(onDuty);
  const minBy = by(mins);
  const regBy = by(registered);
  const posBy = new Map(positives.map((r) => [r.community, r.n]));
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

/** The compounds named (all of them for `null`), each as its snapshot with its name, last event's time, posts and positives. */
export async function readStreet(db: Db, communities: string[] | null): Promise<StreetEntry[]> {
  if (communities?.length === 0) return [];
  const [rows, extras] = await Promise.all([
    db
      .select({ ...SNAPSHOT_COLUMNS, lastEventAt: events.recordedAt })
      .from(communityState)
      .leftJoin(rounds, currentRound)
      .leftJoin(events, eq(events.seq, communityState.lastSeq))
      .where(communities ? inArray(communityState.community, communities) : undefined)
      .orderBy(asc(communityState.community)),
    readExtras(db, communities),
  ]);
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
