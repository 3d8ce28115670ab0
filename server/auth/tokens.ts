import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { tokens } from "../../drizzle/schema";
import type { Role } from "../../drizzle/schema/constants";
import type { Logger } from "../log";

export interface Principal {
  tokenId: string;
  role: Role;
  label: string;
  /** The compound the token belongs to (v1.2); `default` for the operator. */
  community: string;
  /** The operator (ADMIN_TOKEN): a secretary of every compound. */
  operator?: boolean;
  /** A street token: the compounds it reads. */
  communities?: string[];
  /** Set when the token belongs to one volunteer of one community. */
  volunteer?: { community: string; volunteerId: string };
}

/** Who a minted token belongs to: its compound, and a volunteer or a street's compounds. */
export interface TokenScope {
  community: string;
  volunteerId?: string;
  communities?: string[];
}

/** Tokens are random, so a plain sha256 is enough to keep them unreadable at rest. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Creates a token and returns its secret: the only time the secret is seen. */
export async function mintToken(
  db: Db,
  role: Role,
  label: string,
  scope: TokenScope = { community: "default" },
): Promise<{ id: string; token: string; role: Role }> {
  const token = randomBytes(24).toString("base64url");
  const id = randomUUID();
  await db.insert(tokens).values({ id, hash: hashToken(token), role, label, ...scope });
  return { id, token, role };
}

/**
 * Makes sure a known secret (ADMIN_TOKEN) exists as a token of `role`. A revoked one stays
 * revoked across restarts: the answer says so, and the operator sets a new secret.
 */
export async function ensureToken(
  db: Db,
  token: string,
  role: Role,
  label: string,
  opts: { operator?: boolean } = {},
): Promise<{ revoked: boolean }> {
  const hash = hashToken(token);
  const operator = opts.operator ?? false;
  await db
    .insert(tokens)
    .values({ id: randomUUID(), hash, role, label, operator })
    .onConflictDoUpdate({ target: tokens.hash, set: { operator } });
  // The operator is the token whose secret ADMIN_TOKEN holds now; one it replaced is a secretary of `default`.
  if (operator)
    await db
      .update(tokens)
      .set({ operator: false })
      .where(and(eq(tokens.operator, true), ne(tokens.hash, hash)));
  const [row] = await db.select({ revokedAt: tokens.revokedAt }).from(tokens).where(eq(tokens.hash, hash));
  return { revoked: Boolean(row?.revokedAt) };
}

/** Revokes the token behind a secret, if it exists and is live. */
export async function revokeSecret(db: Db, token: string): Promise<boolean> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(tokens.hash, hashToken(token)), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return rows.length > 0;
}

/** Revokes a live token; `community` limits it to that compound's tokens (a secretary's own). */
export async function revokeToken(db: Db, id: string, community?: string): Promise<boolean> {
  // The database's clock: every node compares revocation times against it.
  const rows = await db
    .update(tokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(tokens.id, id), isNull(tokens.revokedAt), community === undefined ? undefined : eq(tokens.community, community)))
    .returning({ id: tokens.id });
  return rows.length > 0;
}

/** The tokens, without secrets; `community` limits them to that compound's (a secretary's own). */
export async function listTokens(db: Db, community?: string) {
  return db
    .select({
      id: tokens.id,
      role: tokens.role,
      label: tokens.label,
      volunteerId: tokens.volunteerId,
      community: tokens.community,
      communities: tokens.communities,
      operator: tokens.operator,
      createdAt: tokens.createdAt,
      revokedAt: tokens.revokedAt,
      lastSeenAt: tokens.lastSeenAt,
    })
    .from(tokens)
    .where(community === undefined ? undefined : eq(tokens.community, community))
    .orderBy(tokens.createdAt);
}

/** With the revocation watcher's 0.5 s poll, a revoked token is refused everywhere within 2 s. */
const CACHE_MS = 1000;
/** `last_seen_at` is written at most this often per token (and node): a busy phone costs one write a minute. */
export const SEEN_EVERY_MS = 60_000;

/** The lookup by hash, built once per database handle: drizzle otherwise rebuilds its SQL text on every call. */
const lookupByHash = (db: Db) =>
  db
    .select({
      id: tokens.id,
      role: tokens.role,
      label: tokens.label,
      volunteerId: tokens.volunteerId,
      community: tokens.community,
      operator: tokens.operator,
      communities: tokens.communities,
    })
    .from(tokens)
    .where(and(eq(tokens.hash, sql.placeholder("hash")), isNull(tokens.revokedAt)))
    .prepare("token_by_hash");

/** Resolves secrets to principals, caching briefly so a revocation takes effect within two seconds. */
export class TokenResolver {
  private cache = new Map<string, { at: number; principal: Principal | null }>();
  /** When this node last wrote each token's `last_seen_at`. */
  private seenWritten = new Map<string, number>();
  /** The seen-writes run one after another, so they land in the order the tokens were used. */
  private seenWrites: Promise<void> = Promise.resolve();
  /** Reads on their way, by hash. */
  private lookups = new Map<string, Promise<Principal | null>>();
  private byHash: ReturnType<typeof lookupByHash> | undefined;
  /** Bumped by `forget`: a read that started before it does not fill the cache. */
  private generation = 0;
  constructor(
    private readonly db: Db,
    private readonly log?: Pick<Logger, "warn">,
  ) {}

  /** Notes that a token was used; writes `last_seen_at` in the background, at most once a minute per token. */
  seen(tokenId: string): void {
    const now = Date.now();
    const last = this.seenWritten.get(tokenId);
    if (last !== undefined && now - last < SEEN_EVERY_MS) return;
    if (this.seenWritten.size > 10_000) this.seenWritten.clear();
    this.seenWritten.set(tokenId, now);
    this.seenWrites = this.seenWrites
      .then(() => this.db.update(tokens).set({ lastSeenAt: sql`now()` }).where(eq(tokens.id, tokenId)))
      .then(
        () => {},
        (err: Error) => this.log?.warn({ err: err.message, tokenId }, "could not record when a token was last seen"),
      );
  }

  async resolve(token: string | undefined | null): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.principal;
    // Sockets signing in together with one token (a wall of screens after a restart) share one read.
    let lookup = this.lookups.get(hash);
    if (!lookup) {
      lookup = this.lookup(hash).finally(() => {
        if (this.lookups.get(hash) === lookup) this.lookups.delete(hash);
      });
      this.lookups.set(hash, lookup);
    }
    return lookup;
  }

  private async lookup(hash: string): Promise<Principal | null> {
    this.byHash ??= lookupByHash(this.db);
    const generation = this.generation;
    const [row] = await this.byHash.execute({ hash });
    const principal: Principal | null = row
      ? { tokenId: row.id, role: row.role as Role, label: row.label, community: row.community }
      : null;
    if (principal && row?.operator) principal.operator = true;
    if (principal && row?.communities) principal.communities = row.communities;
    if (principal && row?.volunteerId) principal.volunteer = { community: row.community, volunteerId: row.volunteerId };
    if (generation !== this.generation) return principal;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { at: Date.now(), principal });
    return principal;
  }

  /** Drops cached answers for these token ids (just revoked) so the next check reads the database. */
  forget(ids: ReadonlySet<string>): void {
    for (const [hash, hit] of this.cache) if (hit.principal && ids.has(hit.principal.tokenId)) this.cache.delete(hash);
    // A read already on its way may have seen the token before it was revoked: later checks start afresh.
    this.lookups.clear();
    this.generation++;
  }
}
