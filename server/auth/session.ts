import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { sealData, unsealData } from "iron-session";
import type { Db } from "../../drizzle/client";
import { settings } from "../../drizzle/schema";
import { fail } from "../errors";

export const SESSION_COOKIE = "cordon_session";
/** Browsers cap cookie lifetimes near 400 days; a wall display renews it on every sign-in link. */
export const SESSION_MAX_AGE_S = 400 * 24 * 3600;

/** The secret that seals cookies: configured, or generated once and shared by every node through the database. */
export async function loadSessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const fresh = randomBytes(32).toString("base64url");
  await db.insert(settings).values({ key: "session_secret", value: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, "session_secret"));
  if (!row) throw new Error("could not store the session secret");
  return row.value;
}

export const sealSession = (token: string, password: string) => sealData({ token }, { password, ttl: 0 });

export async function unsealSession(seal: string, password: string): Promise<string | null> {
  try {
    const data = await unsealData<{ token?: string }>(seal, { password, ttl: 0 });
    return typeof data.token === "string" ? data.token : null;
  } catch {
    return null;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        throw fail("bad_request", "cookie_malformed", { name });
      }
    }
  }
  return undefined;
}

/** Not secret: which compound the signed-in screens show when their address names none (`app/_live/community.ts`). */
export const COMMUNITY_COOKIE = "cordon_community";

/** The screens' compound, readable by their scripts, beside the HttpOnly session. */
export function communityCookie(community: string, secure: boolean): string {
  return [
    `${COMMUNITY_COOKIE}=${encodeURIComponent(community)}`,
    "Path=/",
    "SameSite=Lax",
    `Max-Age=${SESSION_MAX_AGE_S}`,
    secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function sessionCookie(seal: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(seal)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${SESSION_MAX_AGE_S}`,
    secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}
