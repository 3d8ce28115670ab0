import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { volunteers } from "../../../drizzle/schema";
import { ROLES } from "../../../drizzle/schema/constants";
import { listTokens, mintToken, revokeToken } from "../../auth/tokens";
import { AppError, conflict, fail } from "../../errors";
import { Id } from "../../protocol/events";
import { zodIssues } from "../../zod-issues";
import { route } from "../context";
import { readJson, sendJson } from "../respond";

const MintBody = z
  .strictObject({
    role: z.enum(ROLES),
    label: z.string().trim().min(1).max(100).default("unnamed"),
    /** Ties a volunteer's token to that volunteer (contract v1.1). */
    volunteerId: Id.optional(),
    community: Id.default("default"),
  })
  .refine((b) => !b.volunteerId || b.role === "volunteer", { message: "volunteerId goes only with role volunteer", path: ["volunteerId"] });

export const tokenRoutes = [
  route("POST /api/tokens", async ({ req, res, deps, require }) => {
    await require("secretary");
    const r = MintBody.safeParse(await readJson(req));
    if (!r.success) {
      throw new AppError("validation", "token_request_invalid", { roles: ROLES.join(", ") }, { issues: zodIssues(r.error.issues) });
    }
    const { role, label, volunteerId, community } = r.data;
    if (volunteerId) {
      const [v] = await deps.handle.db
        .select({ id: volunteers.volunteerId })
        .from(volunteers)
        .where(and(eq(volunteers.community, community), eq(volunteers.volunteerId, volunteerId)));
      if (!v) throw conflict("volunteer_unknown_in_community", { volunteerId, community }, "volunteerId");
    }
    const minted = await mintToken(deps.handle.db, role, label, volunteerId ? { community, volunteerId } : undefined);
    sendJson(res, 201, {
      token: minted.token,
      role: minted.role,
      id: minted.id,
      label,
      ...(volunteerId ? { volunteerId, community } : {}),
    });
  }),
  route("GET /api/tokens", async ({ res, deps, require }) => {
    await require("secretary");
    sendJson(res, 200, { tokens: await listTokens(deps.handle.db) });
  }),
  route("DELETE /api/tokens/:id", async ({ res, deps, params, require }) => {
    await require("secretary");
    if (!(await revokeToken(deps.handle.db, params.id ?? ""))) throw fail("not_found", "token_unknown", { id: params.id ?? "" });
    sendJson(res, 200, { revoked: params.id });
  }),
];
