import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { tokens } from "../../drizzle/schema";
import type { Logger } from "../log";
import type { Role } from "../protocol/vocabularies";

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
  /** Set for a resident's token (v1.2): the one household of one community it speaks for. */
  resident?: { community: string; householdId: string };
}

/** Who a minted token belongs to: its compound, and a volunteer or a street's compounds. */
export interface TokenScope {
  community: string;
  volunteerId?: string;
  communities?: string[];
  /** A resident's token: its household. */
  householdId?: string;
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

/** Revokes a household's live resident tokens: a new door label replaces the old one. */
export async function revokeHouseholdTokens(db: Db, community: string, householdId: string): Promise<number> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(tokens.community, community), eq(tokens.householdId, householdId), eq(tokens.role, "resident"), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return rows.length;
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
      householdId: tokens.householdId,
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

/**
 * The lookup by hash, built once per database handle: drizzle otherwise rebuilds its SQL text on every call.
 * Revoked tokens are read too: a phone that was signed out is told so, and its retries are not guesses.
 */
const lookupByHash = (db: Db) =>
  db
    .select({
      id: tokens.id,
      role: tokens.role,
      label: tokens.label,
      volunteerId: tokens.volunteerId,
      householdId: tokens.householdId,
      community: tokens.community,
      operator: tokens.operator,
      communities: tokens.communities,
      revokedAt: tokens.revokedAt,
    })
    .from(tokens)
    .where(eq(tokens.hash, sql.placeholder("hash")))
    .prepare("token_by_hash");

/** What a secret turned out to be: a live token's principal, or none, and then whether it was a real token since revoked. */
export interface TokenCheck {
  principal: Principal | null;
  /** A token that exists and was revoked: not a guess (it was handed out), but signed out. */
  revoked: boolean;
}

const NONE: TokenCheck = { principal: null, revoked: false };

/** Resolves secrets to principals, caching briefly so a revocation takes effect within two seconds. */
export class TokenResolver {
  private cache = new Map<string, { at: number; check: TokenCheck }>();
  /** When this node last wrote each token's `last_seen_at`. */
  private seenWritten = new Map<string, number>();
  /** The seen-writes run one after another, so they land in the order the tokens were used. */
  private seenWrites: Promise<void> = Promise.resolve();
  /** Reads on their way, by hash. */
  private lookups = new Map<string, Promise<TokenCheck>>();
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
    return (await this.check(token)).principal;
  }

  /** The principal behind a secret, or why there is none (unknown, or revoked). */
  async check(token: string | undefined | null): Promise<TokenCheck> {
    if (!token || token.length > 200) return NONE;
    const hash = hashToken(token);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.check;
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

  private async lookup(hash: string): Promise<TokenCheck> {
    this.byHash ??= lookupByHash(this.db);
    const generation = this.generation;
    const [row] = await this.byHash.execute({ hash });
    const live = row && !row.revokedAt;
    const principal: Principal | null = live
      ? { tokenId: row.id, role: row.role as Role, label: row.label, community: row.community }
      : null;
    if (principal && row?.operator) principal.operator = true;
    if (principal && row?.communities) principal.communities = row.communities;
    if (principal && row?.volunteerId) principal.volunteer = { community: row.community, volunteerId: row.volunteerId };
    if (principal && row?.householdId) principal.resident = { community: row.community, householdId: row.householdId };
    const check: TokenCheck = { principal, revoked: Boolean(row?.revokedAt) };
    if (generation !== this.generation) return check;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { at: Date.now(), check });
    return check;
  }

  /** Drops cached answers for these token ids (just revoked) so the next check reads the database. */
  forget(ids: ReadonlySet<string>): void {
    for (const [hash, hit] of this.cache) if (hit.check.principal && ids.has(hit.check.principal.tokenId)) this.cache.delete(hash);
    // A read already on its way may have seen the token before it was revoked: later checks start afresh.
    this.lookups.clear();
    this.generation++;
  }
}
