import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState, tokens } from "../../drizzle/schema";

/** The community every install starts with: known even before its first event. */
export const DEFAULT_COMMUNITY = "default";

/** Whether a community exists: the default one, one that has had an event, or one the operator opened (a live token of it). */
export async function communityExists(db: Db, community: string): Promise<boolean> {
  if (community === DEFAULT_COMMUNITY) return true;
  const [row] = await db
    .select({ community: communityState.community })
    .from(communityState)
    .where(eq(communityState.community, community))
    .limit(1);
  if (row) return true;
  const [token] = await db
    .select({ id: tokens.id })
    .from(tokens)
    .where(and(eq(tokens.community, community), isNull(tokens.revokedAt)))
    .limit(1);
  return Boolean(token);
}
