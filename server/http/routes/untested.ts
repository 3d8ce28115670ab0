// Why: the door-knocking list (contract section 5) for the secretary and volunteers; a display gets 403.
import { AppError } from "../../errors";
import { Id } from "../../protocol/events";
import { readUntested } from "../../queries/untested";
import { route } from "../context";
import { sendJson } from "../respond";
import { communityParam } from "./snapshot";

/** The optional `&buildingId=` filter: one building's doors, for a volunteer's phone. */
function buildingParam(url: URL): string | undefined {
  const raw = url.searchParams.get("buildingId");
  if (raw === null) return undefined;
  const r = Id.safeParse(raw);
  if (!r.success)
    throw new AppError(
      "validation",
      "not_an_id",
      { path: "buildingId" },
      {
        message: `buildingId: ${r.error.issues[0]?.message}`,
        issues: [{ path: "buildingId", message: "invalid", reason: "not_an_id", params: { path: "buildingId" } }],
      },
    );
  return r.data;
}

export const untestedRoutes = [
  /** The open round's households not yet tested, by building, in natural order. */
  route("GET /api/untested", async ({ res, url, deps, require }) => {
    const p = await require("secretary", "volunteer");
    sendJson(res, 200, await readUntested(deps.handle.db, communityParam(url, p), buildingParam(url)));
  }),
];
