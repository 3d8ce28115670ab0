// Why: the door-knocking list is one indexed read, the same cost whatever the length of the feed.
import { and, eq, gt, isNull, notExists, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, communityState, households, rounds, roundTests } from "../../drizzle/schema";
import { groupDoorList } from "../domain/door-list";
import type { UntestedList } from "../protocol/untested";

/**
 * The door-knocking list: the open round's households without `household.tested`, by building.
 * One statement: the community's open round, then (laterally, so the round id is a constant to
 * the planner) its households with no row in round_tests, which the planner answers from that
 * table's primary key (community, round_id, household_id) for this round alone. The open round
 * always comes back as a row, so "all done" and "no round" stay apart.
 */
export async function readUntested(db: Db, community: string, buildingId?: string): Promise<UntestedList> {
  return groupDoorList(await untestedQuery(db, community, buildingId));
}

/** The statement itself, apart so a test can read its plan. */
export function untestedQuery(db: Db, community: string, buildingId?: string) {
  const tested = db
    .select({ one: sql`1` })
    .from(roundTests)
    .where(
      and(
        eq(roundTests.community, households.community),
        eq(roundTests.roundId, rounds.roundId),
        eq(roundTests.householdId, households.householdId),
      ),
    );
  const untested = db
    .select({
      buildingId: households.buildingId,
      label: buildings.label,
      householdId: households.householdId,
      unit: households.unit,
    })
    .from(households)
    .leftJoin(buildings, and(eq(buildings.community, households.community), eq(buildings.buildingId, households.buildingId)))
    .where(
      and(
        eq(households.community, rounds.community),
        buildingId ? eq(households.buildingId, buildingId) : undefined,
        // A vacant flat (no residents) is never on the door-knocking list.
        gt(households.residents, 0),
        // Vacant and moved-out households are never on the list.
        isNull(households.status),
        notExists(tested),
      ),
    )
    .as("untested");
  return db
    .select({
      roundId: rounds.roundId,
      buildingId: untested.buildingId,
      label: untested.label,
      householdId: untested.householdId,
      unit: untested.unit,
    })
    .from(communityState)
    .leftJoin(
      rounds,
      and(eq(rounds.community, communityState.community), eq(rounds.roundId, communityState.currentRoundId), isNull(rounds.closedAt)),
    )
    .leftJoinLateral(untested, sql`true`)
    .where(eq(communityState.community, community));
}
