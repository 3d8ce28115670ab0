import { and, asc, count, desc, eq, gt, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import {
  activityBuckets,
  alerts,
  buildings,
  communityState,
  households,
  postMinimums,
  posts,
  requests,
  rounds,
  roundTests,
  volunteers,
} from "../../drizzle/schema";
import { mergePosts } from "../domain/wall-posts";
import { estimateCompletion, ratePerHour, rateWindowMs } from "../domain/wall-progress";
import { BUCKET_MS, buildSeries, type SeriesPoint, windowStart } from "../domain/wall-series";
import type { Snapshot } from "../protocol/state";
import { WALL_ALERT_LIMIT, WALL_QUEUE_LIMIT, WallView } from "../protocol/wall";
import { readSnapshot } from "./snapshot";
import { readWallOverdue } from "./wall-overdue";

type Reader = Pick<Db, "select">;
const iso = (d: Date) => d.toISOString();

async function readBuildings(tx: Reader, community: string, roundId: string | null): Promise<WallView["buildings"]> {
  const list = await tx
    .select({ buildingId: buildings.buildingId, label: buildings.label, sealed: buildings.sealed })
    .from(buildings)
    .where(eq(buildings.community, community))
    .orderBy(asc(buildings.buildingId));
  const hh = await tx
    .select({ buildingId: households.buildingId, n: count() })
    .from(households)
    // A vacant flat (no residents), or one marked vacant or moved out, is not a household to test.
    .where(and(eq(households.community, community), gt(households.residents, 0), isNull(households.status)))
    .groupBy(households.buildingId);
  const tested = roundId
    ? await tx
        .select({
          buildingId: households.buildingId,
          // A tap set aside (its household vacant or moved out) is not counted as tested; a positive result still shows.
          n: sql<number>`count(*) filter (where ${roundTests.setAsideAt} is null)`,
          positives: sql<number>`count(*) filter (where ${roundTests.result} = 'positive')`,
        })
        .from(roundTests)
        .innerJoin(households, and(eq(households.community, roundTests.community), eq(households.householdId, roundTests.householdId)))
        .where(and(eq(roundTests.community, community), eq(roundTests.roundId, roundId)))
        .groupBy(households.buildingId)
    : [];
  const hhBy = new Map(hh.map((r) => [r.buildingId, Number(r.n)]));
  const testedBy = new Map(tested.map((r) => [r.buildingId, r]));
  const natural = new Intl.Collator("en", { numeric: true });
  return list
    .map((b) => ({
      ...b,
      households: hhBy.get(b.buildingId) ?? 0,
      tested: Number(testedBy.get(b.buildingId)?.n ?? 0),
      positives: Number(testedBy.get(b.buildingId)?.positives ?? 0),
    }))
    .sort((a, b) => natural.compare(a.buildingId, b.buildingId));
}

async function readPosts(tx: Reader, community: string): Promise<WallView["posts"]> {
  const onDuty = await tx
    .select({ post: volunteers.post, n: count() })
    .from(volunteers)
    .where(and(eq(volunteers.community, community), eq(volunteers.onDuty, true)))
    .groupBy(volunteers.post);
  const mins = await tx
    .select({ post: postMinimums.post, minimum: postMinimums.minimum })
    .from(postMinimums)
    .where(eq(postMinimums.community, community));
  const registered = await tx
    .select({ post: posts.post, nameZh: posts.nameZh, nameEn: posts.nameEn })
    .from(posts)
    .where(eq(posts.community, community))
    .orderBy(asc(posts.seq));
  return mergePosts(
    registered,
    onDuty.flatMap((r) => (r.post ? [{ post: r.post, n: Number(r.n) }] : [])),
    mins,
  );
}

async function readQueue(tx: Reader, community: string): Promise<WallView["queue"]> {
  const pending = and(eq(requests.community, community), eq(requests.status, "pending"));
  const [tally] = await tx
    .select({
      waiting: sql<number>`count(*) filter (where ${requests.status} = 'pending')`.mapWith(Number),
      urgent: sql<number>`count(*) filter (where ${requests.status} = 'pending' and ${requests.urgent})`.mapWith(Number),
      approved: sql<number>`count(*) filter (where ${requests.status} = 'approved')`.mapWith(Number),
    })
    .from(requests)
    .where(and(eq(requests.community, community), sql`${requests.status} in ('pending', 'approved')`));
  const items = await tx
    .select({ buildingId: households.buildingId, kind: requests.kind, urgent: requests.urgent, openedAt: requests.openedAt })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .where(pending)
    .orderBy(desc(requests.urgent), asc(requests.openedAt))
    .limit(WALL_QUEUE_LIMIT);
  const [oldest] = await tx.select({ at: requests.openedAt }).from(requests).where(pending).orderBy(asc(requests.openedAt)).limit(1);
  return {
    total: tally?.waiting ?? 0,
    urgentWaiting: tally?.urgent ?? 0,
    approved: tally?.approved ?? 0,
    oldestOpenedAt: oldest ? iso(oldest.at) : null,
    items: items.map((r) => ({ buildingId: r.buildingId, kind: r.kind as never, urgent: r.urgent, openedAt: iso(r.openedAt) })),
  };
}

async function readAlerts(tx: Reader, community: string): Promise<WallView["alerts"]> {
  const open = and(eq(alerts.community, community), isNull(alerts.resolvedAt), isNull(alerts.acknowledgedAt));
  const items = await tx
    .select({
      alertId: alerts.seq,
      kind: alerts.kind,
      buildingId: alerts.buildingId,
      requestKind: requests.kind,
      raisedAt: alerts.raisedAt,
    })
    .from(alerts)
    .leftJoin(requests, and(eq(requests.community, alerts.community), eq(requests.requestId, alerts.requestId)))
    .where(open)
    .orderBy(desc(alerts.seq))
    .limit(WALL_ALERT_LIMIT);
  const [total] = await tx.select({ n: count() }).from(alerts).where(open);
  return {
    total: Number(total?.n ?? 0),
    items: items.map((a) => ({ ...a, kind: a.kind as never, requestKind: (a.requestKind ?? null) as never, raisedAt: iso(a.raisedAt) })),
  };
}

/** The chart window's points, worked back from the current levels (`counts`) through the activity buckets. */
async function readSeries(tx: Reader, community: string, now: number, counts: Snapshot["counts"]): Promise<SeriesPoint[]> {
  const rows = await tx
    .select()
    .from(activityBuckets)
    .where(and(eq(activityBuckets.community, community), gte(activityBuckets.bucketStart, new Date(windowStart(now)))));
  return buildSeries(
    rows.map((r) => ({ start: r.bucketStart.getTime(), tests: r.tests, onDutyDelta: r.onDutyDelta, pendingDelta: r.pendingDelta })),
    now,
    { onDuty: counts.volunteersOnDuty, pending: counts.pendingRequests },
  );
}

/** Only the wall's chart points, and the feed position they were read at: what the chart pictures are drawn from. */
export async function readWallSeries(db: Db, community: string, now = Date.now()): Promise<{ seq: number; points: SeriesPoint[] }> {
  return db.transaction(
    async (txn) => {
      const tx = txn as unknown as Db;
      const snap = await readSnapshot(tx, community);
      return { seq: snap.seq, points: await readSeries(tx, community, now, snap.counts) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/**
 * The display-safe view of a community, checked against the strict schema here, on the server,
 * before anything sends it: a field that is not in the schema stops the view instead of reaching a display.
 */
export async function readWallView(db: Db, community: string, now = Date.now()): Promise<WallView> {
  const view = await buildWallView(db, community, now);
  const checked = WallView.safeParse(view);
  if (!checked.success)
    throw new Error(
      `wall view for ${community} failed its privacy schema: ${checked.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    );
  return checked.data;
}

/** The view read in one read-only transaction: aggregates and anonymised items only. */
async function buildWallView(db: Db, community: string, now: number): Promise<unknown> {
  return db.transaction(
    async (txn) => {
      const tx = txn as unknown as Db;
      const snap = await readSnapshot(tx, community);
      const [state] = await tx
        .select({
          roundId: communityState.currentRoundId,
          label: rounds.label,
          openedAt: rounds.openedAt,
          closedAt: rounds.closedAt,
          kind: rounds.kind,
        })
        .from(communityState)
        .leftJoin(rounds, and(eq(rounds.community, communityState.community), eq(rounds.roundId, communityState.currentRoundId)))
        .where(eq(communityState.community, community));
      const roundId = state?.roundId ?? null;
      const open = Boolean(state?.openedAt && !state.closedAt);
      let perHour = 0;
      if (roundId && open && state?.openedAt) {
        const win = rateWindowMs(now, state.openedAt.getTime());
        const [r] = await tx
          .select({ n: count() })
          .from(roundTests)
          .where(and(eq(roundTests.community, community), eq(roundTests.roundId, roundId), gte(roundTests.testedAt, new Date(now - win))));
        perHour = ratePerHour(Number(r?.n ?? 0), win);
      }
      const remaining = snap.counts.householdsTotal - snap.counts.householdsTested;
      const eta = open ? estimateCompletion(remaining, perHour, now) : null;
      const series = await readSeries(tx, community, now, snap.counts);
      return {
        seq: snap.seq,
        community,
        demo: snap.demo,
        name: snap.name ?? null,
        generatedAt: new Date(now).toISOString(),
        counts: snap.counts,
        round:
          roundId && state?.openedAt
            ? { roundId, label: state.label ?? null, kind: state.kind as "pcr" | "antigen", openedAt: iso(state.openedAt), open }
            : null,
        progress: { perHour: Math.round(perHour * 10) / 10, etaAt: eta === null ? null : new Date(eta).toISOString() },
        posts: await readPosts(tx, community),
        buildings: await readBuildings(tx, community, roundId),
        queue: await readQueue(tx, community),
        alerts: await readAlerts(tx, community),
        overdue: await readWallOverdue(tx, community, now),
        series: { bucketMinutes: BUCKET_MS / 60_000, points: series },
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
