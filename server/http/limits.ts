import type { IncomingMessage } from "node:http";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { DatabaseHandle } from "../../drizzle/client";
import { rateLimits } from "../../drizzle/schema";
import type { Principal } from "../auth/tokens";
import { type AppError, fail } from "../errors";
import type { Logger } from "../log";
import type { Params, Reason } from "../protocol/reasons";

export interface LimitOptions {
  /** Requests a second one token may make to /api. */
  perToken: number;
  /** Failed token checks (API, sign-in links, sockets) one address may make a minute before it is shut out. */
  authFailuresPerMinute: number;
  /** /api/health calls a second per address. */
  healthPerSecond: number;
  /** Take the client's address from X-Forwarded-For (behind a proxy of ours), not from the socket. */
  trustProxy: boolean;
}

const BLOCK_S = 60;

function tooMany(reason: Reason, params: Params, msBeforeNext: number): AppError {
  return Object.assign(fail("rate_limited", reason, params), { retryAfterS: Math.max(1, Math.ceil(msBeforeNext / 1000)) });
}

/**
 * The limits at the doors. Failed token checks count per address in the database on PostgreSQL,
 * so every node shares them; once an address is over, it is shut out of every token check (good
 * guesses included, so a blocked guesser learns nothing) for a minute. The per-token budget and
 * /api/health stay per node: they guard this node's work, and health must answer during an outage.
 */
export class DoorLimits {
  private readonly failures: RateLimiterDrizzle | RateLimiterMemory;
  private readonly perToken: RateLimiterMemory;
  private readonly health: RateLimiterMemory;
  /** Addresses shut out, and until when (ms): checked before any token, with no database read. */
  private readonly blocked = new Map<string, number>();

  constructor(
    handle: DatabaseHandle,
    private readonly opts: LimitOptions,
    private readonly log: Logger,
  ) {
    const failures = { keyPrefix: "auth_fail", points: opts.authFailuresPerMinute, duration: 60, blockDuration: BLOCK_S };
    this.failures =
      handle.kind === "postgres"
        ? new RateLimiterDrizzle({
            ...failures,
            storeClient: handle.db,
            schema: rateLimits,
            insuranceLimiter: new RateLimiterMemory(failures),
          })
        : new RateLimiterMemory(failures);
    this.perToken = new RateLimiterMemory({ points: opts.perToken, duration: 1 });
    this.health = new RateLimiterMemory({ points: opts.healthPerSecond, duration: 1 });
  }

  /** The caller's address: the socket's peer, or the last hop a trusted proxy added. */
  address(req: Pick<IncomingMessage, "headers" | "socket">): string {
    if (this.opts.trustProxy) {
      const forwarded = req.headers["x-forwarded-for"];
      const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? "unknown";
  }

  /** Throws 429 while this address is shut out for failed token checks. */
  assertOpen(address: string): void {
    const until = this.blocked.get(address);
    if (until === undefined) return;
    if (until <= Date.now()) {
      this.blocked.delete(address);
      return;
    }
    throw tooMany("too_many_failed_sign_ins", {}, until - Date.now());
  }

  /** Counts a failed token check from `address`; throws 429 once the address is over its limit. */
  async failed(address: string): Promise<void> {
    try {
      const res = await this.failures.consume(address);
      // The failure that spends the budget already closes the door.
      if (res.remainingPoints === 0) this.block(address, res.msBeforeNext > 0 ? res.msBeforeNext : BLOCK_S * 1000);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) {
        this.log.warn({ err: (res as Error).message }, "could not count a failed sign-in");
        return;
      }
      const ms = res.msBeforeNext > 0 ? res.msBeforeNext : BLOCK_S * 1000;
      this.block(address, ms);
      throw tooMany("too_many_failed_sign_ins", {}, ms);
    }
  }

  private block(address: string, ms: number): void {
    if (this.blocked.size > 100_000) this.blocked.clear();
    this.blocked.set(address, Date.now() + ms);
  }

  /** One request from a token's budget; 429 when it is spent. */
  async token(p: Principal): Promise<void> {
    try {
      await this.perToken.consume(p.tokenId);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw tooMany("too_many_requests", { limit: this.opts.perToken }, res.msBeforeNext);
    }
  }

  /** One /api/health call from `address`; 429 when over. */
  async healthCheck(address: string): Promise<void> {
    try {
      await this.health.consume(address);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw tooMany("too_many_health_checks", { limit: this.opts.healthPerSecond }, res.msBeforeNext);
    }
  }
}
