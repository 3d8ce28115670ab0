import { readOpenRequests } from "../../queries/requests";
import { route } from "../context";
import { sendJson } from "../respond";
import { communityParam } from "./snapshot";

export const requestRoutes = [
  /** Open requests with personal data and the release rule's verdict: the secretary's queue (volunteers read it too). */
  route("GET /api/requests", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "volunteer");
    const masking = p.role === "secretary" ? "whole" : "masked";
    sendJson(res, 200, { requests: await readOpenRequests(deps.handle.db, communityParam(url, p), masking) });
  }),
];
