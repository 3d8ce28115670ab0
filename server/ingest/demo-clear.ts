// Why: a committee starts its own compound where the demo ran, from the desk, and no demo number stays in its counts.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import {
  activityBuckets,
  alerts,
  buildings,
  communityState,
  households,
  postMinimums,
  requests,
  rounds,
  roundTests,
  tokens,
  volunteers,
} from "../../drizzle/schema";
import { conflict } from "../errors";
import type { ApplyContext } from "./batch";

/** The community's projections the demo filled; its posts (names a compound shares) stay. */
const CLEARED = [buildings, households, volunteers, rounds, roundTests, requests, alerts, activityBuckets, postMinimums] as const;

/**
 * `demo.cleared`: the community's registry, rounds, requests, alarms, charts and minimums are
 * deleted, its counts return to zero and volunteer links bound to it are revoked. Whatever the
 * batch did to the community before this event goes with them. 409 when it holds no demo.
 */
export async function clearDemo(c: ApplyContext): Promise<void> {
  const [state] = await c.tx
    .select({ demo: communityState.demo })
    .from(communityState)
    .where(eq(communityState.community, c.community))
    .for("update");
  if (!state?.demo && !c.effects.demo.has(c.community)) throw conflict("no_demo_data", { community: c.community });
  for (const table of CLEARED) await c.tx.delete(table).where(eq(table.community, c.community));
  await c.tx
    .update(communityState)
    .set({
      demo: false,
      householdsTotal: 0,
      buildingsTotal: 0,
      buildingsSealed: 0,
      volunteersTotal: 0,
      volunteersOnDuty: 0,
      pendingRequests: 0,
      urgentRequests: 0,
      currentRoundId: null,
    })
    .where(eq(communityState.community, c.community));
  // A phone's link names a demo volunteer by id; the committee's own people may get the same ids.
  await c.tx
    .update(tokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(tokens.community, c.community), isNotNull(tokens.volunteerId), isNull(tokens.revokedAt)));
  c.effects.forget(c.community);
}
