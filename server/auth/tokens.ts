import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { tokens } from "../../drizzle/schema";
import type { Role } from "../../drizzle/schema/constants";

export interface Principal {
  tokenId: string;
  role: Role;
  label: string;
}

/** Tokens are random, so a plain sha256 is enough to keep them unreadable at rest. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Creates a token and returns its secret: the only time the secret is seen. */
export async function mintToken(db: Db, role: Role, label: string): Promise<{ id: string; token: string; role: Role }> {
  const token = randomBytes(24).toString("base64url");
  const id = randomUUID();
  await db.insert(tokens).values({ id, hash: hashToken(token), role, label });
  return { id, token, role };
}

/** Makes sure a known secret (ADMIN_TOKEN) exists as a live token of `role`. */
export async function ensureToken(db: Db, token: string, role: Role, label: string): Promise<void> {
  await db
    .insert(tokens)
    .values({ id: randomUUID(), hash: hashToken(token), role, label })
    .onConflictDoUpdate({ target: tokens.hash, set: { role, revokedAt: null } });
}

export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(tokens.id, id), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return rows.length > 0;
}

export async function listTokens(db: Db) {
  return db
    .select({ id: tokens.id, role: tokens.role, label: tokens.label, createdAt: tokens.createdAt, revokedAt: tokens.revokedAt })
    .from(tokens)
    .orderBy(tokens.createdAt);
}

const CACHE_MS = 2000;

/** Resolves secrets to principals, caching briefly so a revocation takes effect within two seconds. */
export class TokenResolver {
  private cache = new Map<string, { at: number; principal: Principal | null }>();
  constructor(private readonly db: Db) {}

  async resolve(token: string | undefined | null): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.principal;
    const [row] = await this.db
      .select({ id: tokens.id, role: tokens.role, label: tokens.label })
      .from(tokens)
      .where(and(eq(tokens.hash, hash), isNull(tokens.revokedAt)));
    const principal = row ? { tokenId: row.id, role: row.role as Role, label: row.label } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { at: Date.now(), principal });
    return principal;
  }
}
