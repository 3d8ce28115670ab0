// Why: a group of appends costs three round trips on PostgreSQL: BEGIN; the feed clock's lock and
// every read, sent together; every write and the COMMIT, sent together.
import { eq, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type Db, drizzleOn, poolOf, type Tx } from "../../drizzle/client";
import { feedClock } from "../../drizzle/schema";

export interface Clock {
  /** The feed's last seq, read under its row lock. */
  last: number;
  /** The database's clock once the lock is held (ms since the epoch). */
  nowMs: number;
}

export interface GroupTx {
  /** For the reads, and for writes whose answer the group awaits (demo.cleared). */
  tx: Tx;
  /**
   * Takes the feed clock's row lock. Call it first, before any read is started: on PostgreSQL it
   * is sent right behind BEGIN, and the reads started after it in the same tick go out with them.
   */
  lock(): Promise<Clock>;
}

/** What the work hands back: its result, and the statements that end the transaction (sent with COMMIT). */
export interface GroupEnd<T> {
  result: T;
  writes: SQL[];
}

const dialect = new PgDialect();
const LOCK = "select last, (extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms from feed_clock where id = 1 for update";

const clockOf = (row: { last: unknown; now_ms?: unknown; nowMs?: unknown } | undefined): Clock => {
  if (!row) throw new Error("feed_clock row missing: migrations did not run");
  return { last: Number(row.last), nowMs: Number(row.now_ms ?? row.nowMs) };
};

/**
 * Runs `work` in one transaction and commits it with the writes it returns, sent with the COMMIT
 * (drizzle's transaction would wait for each write, then for COMMIT); a write that fails aborts
 * the transaction, so its COMMIT answers ROLLBACK and the error is thrown. `onSent` is called once
 * the writes and COMMIT are on their way, before their answer (the next group may then start). On
 * PGlite, in process, a plain transaction, and `onSent` is left to the caller (its one connection
 * takes one transaction at a time).
 */
export async function inGroupTransaction<T>(db: Db, onSent: () => void, work: (g: GroupTx) => Promise<GroupEnd<T>>): Promise<T> {
  const pool = poolOf(db);
  if (!pool)
    return db.transaction(async (transaction) => {
      const tx = transaction as unknown as Tx;
      const lock = async () =>
        clockOf(
          (
            await tx
              .select({ last: feedClock.last, nowMs: sql<number>`(extract(epoch from clock_timestamp()) * 1000)::float8` })
              .from(feedClock)
              .where(eq(feedClock.id, 1))
              .for("update")
          )[0],
        );
      const end = await work({ tx, lock });
      await Promise.all(end.writes.map((w) => tx.execute(w)));
      return end.result;
    });

  // postgres.js's own transaction: it keeps the connection's lifecycle right when the connection
  // dies (a reserved connection released after its socket closed would go back to the pool as if
  // open). Inside it nothing waits that need not: the lock and the reads go out together, and the
  // writes are sent before the callback returns, so COMMIT follows them without a wait.
  let sent: Promise<unknown>[] = [];
  const result = await pool.begin(async (conn) => {
    // The writer's reads are all by key: indexed, whatever the planner knows of a table never analysed.
    const indexed = conn.unsafe("set local enable_seqscan = off");
    indexed.catch(() => {});
    const lock = () => {
      const locked = conn.unsafe(LOCK);
      // Both answers are awaited here; neither may reject unheard.
      return Promise.all([indexed, locked]).then(([, rows]) => clockOf(rows[0] as unknown as { last: unknown; now_ms: unknown }));
    };
    const end = await work({ tx: drizzleOn(conn, pool) as unknown as Tx, lock });
    sent = end.writes.map((w) => {
      const q = dialect.sqlToQuery(w);
      const p = conn.unsafe(q.sql, q.params as never[], { prepare: q.params.length > 0 });
      p.catch(() => {});
      return p;
    });
    // Not awaited (an object, not a promise): postgres.js sends COMMIT at once, behind the writes.
    queueMicrotask(onSent);
    return { value: end.result };
  });
  // A write that failed aborted the transaction: its COMMIT answered ROLLBACK.
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((x) => x.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return result.value;
}
