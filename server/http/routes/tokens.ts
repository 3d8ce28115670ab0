import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { households, volunteers } from "../../../drizzle/schema";
import { scopedCommunity } from "../../auth/scope";
import { listTokens, mintToken, revokeHouseholdTokens, revokeToken } from "../../auth/tokens";
import { AppError, conflict, fail } from "../../errors";
import { Id } from "../../protocol/events";
import { ROLES } from "../../protocol/vocabularies";
import { zodIssues } from "../../zod-issues";
import { route } from "../context";
import { readJson, sendJson } from "../respond";

const MintBody = z
  .strictObject({
    role: z.enum(ROLES),
    label: z.string().trim().min(1).max(100).default("unnamed"),
    /** Ties a volunteer's token to that volunteer (contract v1.1). */
    volunteerId: Id.optional(),
    /** A resident's token speaks for this household (contract v1.2 section 7). */
    householdId: Id.optional(),
    /** The compound the token belongs to (v1.2): default the minting token's own. */
    community: Id.optional(),
    /** A street token's compounds (v1.2, section 9). */
    communities: z.array(Id).min(1).max(1000).optional(),
  })
  .refine((b) => !b.volunteerId || b.role === "volunteer", { message: "volunteerId goes only with role volunteer", path: ["volunteerId"] })
  .refine((b) => (b.role === "resident") === Boolean(b.householdId), {
    message: "role resident needs householdId, and householdId goes only with role resident",
    path: ["householdId"],
  })
  .refine((b) => (b.role === "street") === (b.communities !== undefined), {
    message: "communities goes with role street, and a street token names its compounds",
    path: ["communities"],
  });

export const tokenRoutes = [
  route("POST /api/tokens", async ({ req, res, deps, require }) => {
    const p = await require("secretary");
    const r = MintBody.safeParse(await readJson(req));
    if (!r.success) {
      throw new AppError("validation", "token_request_invalid", { roles: ROLES.join(", ") }, { issues: zodIssues(r.error.issues) });
    }
    const { role, label, volunteerId, householdId, communities } = r.data;
    // A secretary mints for its own compound only; the operator for any, and alone a street office's.
    const community = scopedCommunity(p, r.data.community);
    if (role === "street" && !p.operator) throw fail("forbidden", "operator_only", { role });
    if (volunteerId) {
      const [v] = await deps.handle.db
        .select({ id: volunteers.volunteerId })
        .from(volunteers)
        .where(and(eq(volunteers.community, community), eq(volunteers.volunteerId, volunteerId)));
      if (!v) throw conflict("volunteer_unknown_in_community", { volunteerId, community }, "volunteerId");
    }
    if (householdId) {
      const [h] = await deps.handle.db
        .select({ id: households.householdId })
        .from(households)
        .where(and(eq(households.community, community), eq(households.householdId, householdId)));
      if (!h) throw conflict("household_unknown", { householdId }, "householdId");
      // One label per door: minting a household's token again revokes the one before (a lost or copied label).
      await revokeHouseholdTokens(deps.handle.db, community, householdId);
    }
    const minted = await mintToken(deps.handle.db, role, label, { community, volunteerId, communities, householdId });
    sendJson(res, 201, {
      token: minted.token,
      role: minted.role,
      id: minted.id,
      label,
      community,
      ...(volunteerId ? { volunteerId } : {}),
      ...(householdId ? { householdId } : {}),
      ...(communities ? { communities } : {}),
    });
  }),
  route("GET /api/tokens", async ({ res, deps, require }) => {
    const p = await require("secretary");
    sendJson(res, 200, { tokens: await listTokens(deps.handle.db, p.operator ? undefined : p.community) });
  }),
  route("DELETE /api/tokens/:id", async ({ res, deps, params, require }) => {
    const p = await require("secretary");
    if (!(await revokeToken(deps.handle.db, params.id ?? "", p.operator ? undefined : p.community)))
      throw fail("not_found", "token_unknown", { id: params.id ?? "" });
    sendJson(res, 200, { revoked: params.id });
  }),
];
