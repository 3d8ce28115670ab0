// Why: GET /api/street (contract v1.2, section 9): the street office's compounds, for a street token or the operator.
import { readStreet } from "../../queries/street";
import { forbidden, route } from "../context";
import { sendJson } from "../respond";

export const streetRoutes = [
  route("GET /api/street", async ({ res, deps, require }) => {
    const p = await require("street", "secretary");
    if (p.role === "secretary" && !p.operator) throw forbidden(p.role, "GET", "/api/street");
    const communities = await readStreet(deps.handle.db, p.operator ? null : (p.communities ?? []));
    sendJson(res, 200, { communities });
  }),
];
