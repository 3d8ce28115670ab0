import { AppError } from "../../errors";
import { Id } from "../../protocol/events";
import { readSnapshot } from "../../queries/snapshot";
import { route } from "../context";
import { sendJson } from "../respond";

export function communityParam(url: URL): string {
  const raw = url.searchParams.get("community") ?? "default";
  const r = Id.safeParse(raw);
  if (!r.success) throw new AppError("validation", `community: ${r.error.issues[0]?.message}`, [{ path: "community", message: "invalid" }]);
  return r.data;
}

export const snapshotRoutes = [
  route("GET /api/snapshot", async ({ res, url, deps, require }) => {
    await require();
    sendJson(res, 200, await readSnapshot(deps.handle.db, communityParam(url)));
  }),
  route("GET /api/session", async ({ res, require }) => {
    const p = await require();
    sendJson(res, 200, { role: p.role, label: p.label });
  }),
];
