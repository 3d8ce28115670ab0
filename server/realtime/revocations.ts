import { gt, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { tokens } from "../../drizzle/schema";
import type { TokenResolver } from "../auth/tokens";
import { english } from "../errors";
import type { Logger } from "../log";
import type { CordonIo } from "./io";

/** Revocations are looked for this often; with the resolver's cache a revoked token is out within 2 s everywhere. */
const POLL_MS = 500;
/** Each look covers this much of the past, so a slow poll or a node's late start misses nothing. */
const OVERLAP_S = 10;

/** The sweep's query, built once per handle: it runs twice a second, and drizzle otherwise rebuilds its SQL text each time. */
const recentRevocations = (db: Db) =>
  db
    .select({ id: tokens.id })
    .from(tokens)
    .where(gt(tokens.revokedAt, sql`now() - make_interval(secs => ${OVERLAP_S})`))
    .prepare("recent_revocations");

/**
 * Disconnects the sockets of revoked tokens on this node. Every node polls the tokens table
 * (indexed by revocation time), so a token revoked on any node leaves every node's sockets.
 */
export class RevocationWatcher {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private recent: ReturnType<typeof recentRevocations> | undefined;

  constructor(
    private readonly db: Db,
    private readonly io: CordonIo,
    private readonly resolver: TokenResolver,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), POLL_MS);
    this.timer.unref();
  }

  /** Looks for recent revocations now and disconnects their sockets; answers how many sockets went. */
  async sweep(): Promise<number> {
    if (this.busy) return 0;
    this.busy = true;
    try {
      this.recent ??= recentRevocations(this.db);
      const rows = await this.recent.execute();
      if (rows.length === 0) return 0;
      const revoked = new Set(rows.map((r) => r.id));
      this.resolver.forget(revoked);
      let n = 0;
      for (const socket of this.io.of("/").sockets.values()) {
        if (!revoked.has(socket.data.principal?.tokenId)) continue;
        socket.emit("problem", { code: "unauthorized", reason: "sign_in_revoked", params: {}, message: english("sign_in_revoked") });
        socket.disconnect(true);
        n++;
      }
      if (n > 0) this.log.info({ sockets: n }, "disconnected the sockets of revoked tokens");
      return n;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, "could not look for revoked tokens; will retry");
      return 0;
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
