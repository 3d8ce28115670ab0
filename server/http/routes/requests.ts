import { fail } from "../../errors";
import { actorName } from "../../ingest/append";
import { Id } from "../../protocol/events";
import { readFollowedRequests } from "../../queries/followed-requests";
import { readOpenRequests } from "../../queries/requests";
import { actorOf, route } from "../context";
import { sendJson } from "../respond";
import { communityParam } from "./snapshot";

export const requestRoutes = [
  /** Open requests with personal data and the release rule's verdict: the secretary's queue (volunteers read it too). */
  route("GET /api/requests", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "volunteer");
    const masking = p.role === "secretary" ? "whole" : "masked";
    sendJson(res, 200, { requests: await readOpenRequests(deps.handle.db, communityParam(url, p), masking, new Date(), deps.passKey) });
  }),
  /** The console's "what was decided": the requests of `building` and the ones this token opened, open or decided in the last day. */
  route("GET /api/requests/followed", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "volunteer");
    const raw = url.searchParams.get("building");
    const building = raw === null || raw === "" ? null : Id.safeParse(raw);
    if (building && !building.success) throw fail("validation", "not_an_id", { path: "building" });
    const requests = await readFollowedRequests(deps.handle.db, communityParam(url, p), {
      buildingId: building?.data ?? null,
      actor: actorName(actorOf(p)),
      masking: p.role === "secretary" ? "whole" : "masked",
    });
    sendJson(res, 200, { requests });
  }),
];
