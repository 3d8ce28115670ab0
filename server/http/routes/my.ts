// Why: a household's own token reads its own requests (contract section 7), and nothing of the compound around it.
import { fail } from "../../errors";
import { readMyRequests } from "../../queries/my-requests";
import { route } from "../context";
import { sendJson } from "../respond";

export const myRoutes = [
  route("GET /api/my/requests", async ({ res, deps, require }) => {
    const p = await require("resident");
    if (!p.resident) throw fail("forbidden", "role_forbidden", { role: p.role, method: "GET", path: "/api/my/requests" });
    sendJson(res, 200, await readMyRequests(deps.handle.db, p.resident.community, p.resident.householdId, deps.passKey));
  }),
];
