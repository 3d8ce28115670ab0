import { readWallView } from "../../queries/wall";
import { route } from "../context";
import { sendJson } from "../respond";
import { communityParam } from "./snapshot";

export const wallRoutes = [
  /** The display-safe wall view (any role): aggregates and the anonymised queue, never personal data. */
  route("GET /api/wall", async ({ res, url, deps, require }) => {
    await require();
    sendJson(res, 200, await readWallView(deps.handle.db, communityParam(url)));
  }),
];
