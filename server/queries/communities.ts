import { eq } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { communityState } from "../../drizzle/schema";

/** The community every install starts with: known even before its first event. */
export const DEFAULT_COMMUNITY = "default";

/** Whether a community exists: the default one, or one that has had an event. */
export async function communityExists(db: Db, community: string): Promise<boolean> {
  if (community === DEFAULT_COMMUNITY) return true;
  const [row] = await db
    .select({ community: communityState.community })
    .from(communityState)
    .where(eq(communityState.community, community))
    .limit(1);
  return Boolean(row);
}
