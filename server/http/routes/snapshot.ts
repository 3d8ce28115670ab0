import { and, eq } from "drizzle-orm";
import type { Db } from "../../../drizzle/client";
import { volunteers } from "../../../drizzle/schema";
import { scopedCommunity } from "../../auth/scope";
import type { Principal } from "../../auth/tokens";
import { AppError } from "../../errors";
import { Id } from "../../protocol/events";
import { readSnapshot } from "../../queries/snapshot";
import { route } from "../context";
import { sendJson } from "../respond";

/** The volunteer a phone is signed in as: their id, name and community, for the phone's header. */
async function whoIs(db: Db, v: { community: string; volunteerId: string }) {
  const [row] = await db
    .select({ name: volunteers.name, onDuty: volunteers.onDuty, post: volunteers.post })
    .from(volunteers)
    .where(and(eq(volunteers.community, v.community), eq(volunteers.volunteerId, v.volunteerId)));
  return { ...v, name: row?.name ?? null, onDuty: row?.onDuty ?? false, post: row?.post ?? null };
}

/** The compound a request names (`?community=`), else the token's own; 403 for another compound's token. */
export function communityParam(url: URL, p: Principal): string {
  const raw = url.searchParams.get("community");
  if (raw === null) return scopedCommunity(p, null);
  const r = Id.safeParse(raw);
  if (!r.success)
    throw new AppError(
      "validation",
      "not_an_id",
      { path: "community" },
      {
        message: `community: ${r.error.issues[0]?.message}`,
        issues: [{ path: "community", message: "invalid", reason: "not_an_id", params: { path: "community" } }],
      },
    );
  return scopedCommunity(p, r.data);
}

export const snapshotRoutes = [
  route("GET /api/snapshot", async ({ res, url, deps, require }) => {
    const p = await require();
    sendJson(res, 200, await readSnapshot(deps.handle.db, communityParam(url, p)));
  }),
  route("GET /api/session", async ({ res, deps, require }) => {
    const p = await require();
    sendJson(res, 200, {
      role: p.role,
      label: p.label,
      community: p.community,
      ...(p.operator ? { operator: true } : {}),
      ...(p.communities ? { communities: p.communities } : {}),
      ...(p.volunteer ? { volunteer: await whoIs(deps.handle.db, p.volunteer) } : {}),
    });
  }),
];
