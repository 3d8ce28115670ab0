// Why: what the people's daily report adds to the figures: the compound's name, round labels, coverage and the sealed buildings.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, communityState, households, posts, requests, rounds } from "../../drizzle/schema";
import { naturalCompare } from "../domain/natural-order";
import type { DailyReport } from "../protocol/daily-report";
import { readSnapshot } from "./snapshot";

/** The report with its name, its rounds' labels, the current round's coverage and the sealed buildings (as of now). */
export async function withReportExtras(db: Db, community: string, report: DailyReport): Promise<DailyReport> {
  const [snap, state] = await Promise.all([
    readSnapshot(db, community),
    db.select({ roundId: communityState.currentRoundId }).from(communityState).where(eq(communityState.community, community)),
  ]);
  const ids = [...new Set([...report.rounds.map((r) => r.roundId), ...(state[0]?.roundId ? [state[0].roundId] : [])])];
  const [labels, sealed] = await Promise.all([
    ids.length
      ? db
          .select({ id: rounds.roundId, label: rounds.label })
          .from(rounds)
          .where(and(eq(rounds.community, community), inArray(rounds.roundId, ids)))
      : Promise.resolve([]),
    db
      .select({ buildingId: buildings.buildingId, label: buildings.label, since: buildings.sealedAt, reason: buildings.sealedReason })
      .from(buildings)
      .where(and(eq(buildings.community, community), eq(buildings.sealed, true)))
      .orderBy(asc(buildings.buildingId)),
  ]);
  const label = new Map(labels.map((r) => [r.id, r.label]));
  const current = state[0]?.roundId ?? null;
  return {
    ...report,
    name: snap.name ?? null,
    rounds: report.rounds.map((r) => ({ ...r, label: label.get(r.roundId) ?? null })),
    coverage: current
      ? { roundId: current, label: label.get(current) ?? null, tested: snap.counts.householdsTested, toTest: snap.counts.householdsTotal }
      : null,
    sealed: sealed.map((b) => ({ ...b, since: b.since ? b.since.toISOString() : null })).sort((a, b) => naturalCompare(a.label, b.label)),
  };
}

/** Who each release of the day was for: the building's label, the room and the person named (secretary only: whole). */
export type ReportPeople = Map<string, { building: string; unit: string; person: string | null; approvedAt: Date | null }>;

export async function readReportPeople(db: Db, community: string, report: DailyReport): Promise<ReportPeople> {
  const ids = report.releases.map((r) => r.requestId);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: requests.requestId,
      building: buildings.label,
      unit: households.unit,
      person: requests.person,
      approvedAt: requests.decidedAt,
    })
    .from(requests)
    .innerJoin(households, and(eq(households.community, requests.community), eq(households.householdId, requests.householdId)))
    .innerJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(and(eq(requests.community, community), inArray(requests.requestId, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The compound's registered posts' names in one language (a post typed as free text is shown as typed). */
export async function readPostNames(db: Db, community: string, lang: "zh-CN" | "en"): Promise<(post: string) => string> {
  const rows = await db.select().from(posts).where(eq(posts.community, community));
  const names = new Map(rows.map((p) => [p.post, lang === "en" ? p.nameEn : p.nameZh]));
  return (post) => names.get(post) ?? post;
}
