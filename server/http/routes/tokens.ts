import { z } from "zod";
import { ROLES } from "../../../drizzle/schema/constants";
import { listTokens, mintToken, revokeToken } from "../../auth/tokens";
import { AppError } from "../../errors";
import { route } from "../context";
import { readJson, sendJson } from "../respond";

const MintBody = z.strictObject({
  role: z.enum(ROLES),
  label: z.string().trim().min(1).max(100).default("unnamed"),
});

export const tokenRoutes = [
  route("POST /api/tokens", async ({ req, res, deps, require }) => {
    await require("secretary");
    const r = MintBody.safeParse(await readJson(req));
    if (!r.success) {
      const issues = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      throw new AppError("validation", `role must be one of ${ROLES.join(", ")}, with an optional label`, issues);
    }
    const minted = await mintToken(deps.handle.db, r.data.role, r.data.label);
    sendJson(res, 201, { token: minted.token, role: minted.role, id: minted.id, label: r.data.label });
  }),
  route("GET /api/tokens", async ({ res, deps, require }) => {
    await require("secretary");
    sendJson(res, 200, { tokens: await listTokens(deps.handle.db) });
  }),
  route("DELETE /api/tokens/:id", async ({ res, deps, params, require }) => {
    await require("secretary");
    if (!(await revokeToken(deps.handle.db, params.id ?? "")))
      throw new AppError("not_found", `no live token with id ${params.id}; GET /api/tokens lists them`);
    sendJson(res, 200, { revoked: params.id });
  }),
];
