import { readRegistry } from "../../queries/registry";
import { route } from "../context";
import { sendJson } from "../respond";
import { communityParam } from "./snapshot";

export const registryRoutes = [
  /** The registry with contacts: the secretary and volunteers only (contract section 2); a display gets 403. */
  route("GET /api/registry", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "volunteer");
    sendJson(res, 200, await readRegistry(deps.handle.db, communityParam(url, p), p.role === "secretary" ? "whole" : "masked"));
  }),
];
