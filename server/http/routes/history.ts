// Why: the audit history of one request, household, building or volunteer (contract section 5), for the secretary.
import { z } from "zod";
import { scopedCommunity } from "../../auth/scope";
import { Id } from "../../protocol/events";
import { HISTORY_ENTITIES } from "../../protocol/history";
import { readHistory, readHistoryRounds } from "../../queries/history";
import { invalid, zodIssues } from "../../zod-issues";
import { route } from "../context";
import { sendJson } from "../respond";

const HistoryQuery = z.strictObject({
  community: Id.optional(),
  entity: z.enum(HISTORY_ENTITIES, { message: `must be one of ${HISTORY_ENTITIES.join(", ")}` }),
  id: Id,
});

export const historyRoutes = [
  /**
   * Every event about the entity, oldest first, in the shape of GET /api/events; an unknown id has an empty history.
   * Beside them (an extension), the compound's rounds with their labels and whether each is open.
   */
  route("GET /api/history", async ({ res, url, deps, require }) => {
    const p = await require("secretary");
    const q = HistoryQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!q.success) {
      const issues = zodIssues(q.error.issues);
      throw invalid(`query: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
    }
    const { entity, id } = q.data;
    const community = scopedCommunity(p, q.data.community);
    const [events, rounds] = await Promise.all([
      readHistory(deps.handle.db, community, entity, id),
      readHistoryRounds(deps.handle.db, community),
    ]);
    sendJson(res, 200, { events, rounds });
  }),
];
