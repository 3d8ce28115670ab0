// A half-open connection to PostgreSQL never errors by itself: this finds the ones that stopped answering and closes them.
import net from "node:net";

/** Walks one direction of the PostgreSQL wire protocol (a type byte, then a length that counts itself). */
class Framer {
  private skip = 0;
  private head: number[] = [];
  private body: number[] | null = null;
  private type = 0;
  constructor(
    /** The client's first message (startup, cancel) has a length but no type byte. */
    private untyped: boolean,
    private readonly onMessage: (type: number, body: Buffer | null) => void,
    /** Message types whose body the caller wants (small ones only). */
    private readonly keep: number[] = [],
  ) {}

  push(buf: Uint8Array): void {
    let i = 0;
    while (i < buf.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, buf.length - i);
        if (this.body) for (let k = 0; k < n; k++) this.body.push(buf[i + k] as number);
        this.skip -= n;
        i += n;
        if (this.skip === 0) this.done();
        continue;
      }
      this.head.push(buf[i++] as number);
      const size = this.untyped ? 4 : 5;
      if (this.head.length < size) continue;
      const h = this.head;
      this.head = [];
      this.type = this.untyped ? 0 : (h[0] as number);
      this.untyped = false;
      const length =
        (h[size - 4] as number) * 2 ** 24 + ((h[size - 3] as number) << 16) + ((h[size - 2] as number) << 8) + (h[size - 1] as number);
      this.skip = length - 4;
      this.body = this.keep.includes(this.type) ? [] : null;
      if (this.skip <= 0) this.done();
    }
  }

  private done(): void {
    this.onMessage(this.type, this.body ? Buffer.from(this.body) : null);
    this.body = null;
  }
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const READY = 0x5a; // 'Z'
const BACKEND_KEY = 0x4b; // 'K'

/**
 * postgres.js 3.4.9 forgets its socket on 'close' and fails the query in flight from there; the
 * transaction around it then sends ROLLBACK on that connection, whose write, queued for the next
 * setImmediate, finds no socket and throws outside any promise: the process dies
 * (porsager/postgres#1208), on every database restart that catches a transaction. So a close is
 * always reported as an error first (queries fail while the socket is still there, and the
 * ROLLBACK's write goes harmlessly to the dead socket), and the 'close' itself only after every
 * immediate queued before it has run, as a clean one, so that postgres.js fails what is still
 * pending (that ROLLBACK) instead of leaving it waiting.
 */
function deferClose(socket: net.Socket, where: string): void {
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  let failed = false;
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === "error") failed = true;
    if (event !== "close") return emit(event, ...args);
    if (!failed && socket.listenerCount("error") > 0)
      emit("error", Object.assign(new Error(`write CONNECTION_CLOSED ${where}`), { code: "CONNECTION_CLOSED" }));
    setTimeout(() => setImmediate(() => emit("close", false)), 0);
    return true;
  }) as typeof socket.emit;
}

/** One watched socket: what it still owes us, and when it last moved. */
interface Watched {
  socket: net.Socket;
  /** The server process behind it (from BackendKeyData). */
  pid: number | null;
  /** ReadyForQuery messages the server still owes (one per startup, Sync and simple Query). */
  owed: number;
  lastWrite: number;
  lastRead: number;
  checking: boolean;
  /** While its server process is busy, it is asked again once a second, not once per stall. */
  checkAfter: number;
}

export interface WatchOptions {
  /** Silence (while an answer is owed) after which a connection is suspected; 0 turns the watchdog off. */
  stallMs: number;
  /**
   * Whether the server process `pid` is still working on a statement (running or waiting for a
   * lock, not for us): false when it is not, or when nobody answers the question in time; null
   * when the question failed (asked again a second later).
   */
  isWorking(pid: number): Promise<boolean | null>;
  /**
   * A socket was closed as dead (`silentMs`: how long it owed an answer), or as an idle sibling of
   * one (`silentMs` null). Its server process, if known, may be left behind waiting for a client
   * that is gone, holding its transaction's locks.
   */
  onDead(pid: number | null, silentMs: number | null): void;
}

export interface PgSockets {
  /** For postgres.js's `socket` option: opens a watched TCP (or Unix) socket. */
  open(options: { host: string[]; port: number[]; path?: string | false }): net.Socket;
  /** Closes every socket now (their queries fail with a connection error; postgres.js opens new ones). */
  destroyAll(reason: string): void;
  close(): void;
}

/**
 * A socket is suspect when it waits for an answer (a ReadyForQuery is owed, or it wrote after its
 * last read) and nothing has arrived for `stallMs`. If its server process is still working (a long
 * statement, a lock wait) it is left alone; otherwise, or when that cannot be asked in time, the
 * path is gone (a half-open connection): it is closed, so postgres.js fails its queries (the
 * caller gets an error, never a hang) and connects afresh, and `onDead` can end the orphaned
 * server process, which may be holding locks (the feed's) for a client that will never come back.
 */
export function watchSockets(opts: WatchOptions): PgSockets {
  const live = new Set<Watched>();
  const waiting = (w: Watched) => w.owed > 0 || w.lastWrite > w.lastRead;

  async function suspect(w: Watched, quiet: number): Promise<void> {
    w.checking = true;
    const working = w.pid !== null && (await opts.isWorking(w.pid).catch(() => null));
    w.checking = false;
    if (working !== false) {
      w.checkAfter = Date.now() + 1000;
      return;
    }
    if (!live.delete(w)) return;
    const err = new Error(`PostgreSQL did not answer for ${Math.round(quiet / 1000)} s: the connection is presumed dead`);
    // ETIMEDOUT: callers treat it as the database being unreachable (a 503), not as a bug.
    w.socket.destroy(Object.assign(err, { code: "ETIMEDOUT" }));
    // What broke this path may have broken its idle siblings too; they would stall the next query
    // sent their way. Reconnecting them costs little. (Closed before `onDead` queries anything, so
    // that its queries go out on fresh connections.)
    const siblings = [...live].filter((other) => !waiting(other));
    for (const other of siblings) {
      live.delete(other);
      other.socket.destroy();
    }
    opts.onDead(w.pid, quiet);
    for (const other of siblings) opts.onDead(other.pid, null);
  }

  const timer = setInterval(() => {
    if (opts.stallMs <= 0) return;
    const now = Date.now();
    for (const w of live) {
      const quiet = now - Math.max(w.lastWrite, w.lastRead);
      if (waiting(w) && !w.checking && quiet > opts.stallMs && now >= w.checkAfter) void suspect(w, quiet);
    }
  }, 250);
  timer.unref();

  return {
    open(o) {
      const socket = o.path ? net.connect(o.path) : net.connect({ host: o.host[0], port: o.port[0] ?? 5432 });
      const now = Date.now();
      const w: Watched = { socket, pid: null, owed: 0, lastWrite: now, lastRead: now, checking: false, checkAfter: 0 };
      const out = new Framer(true, (type) => {
        if (type === 0 || type === SYNC || type === QUERY) w.owed++;
      });
      const inbound = new Framer(
        false,
        (type, body) => {
          if (type === READY) w.owed = Math.max(0, w.owed - 1);
          if (type === BACKEND_KEY && body && body.length >= 4) w.pid = body.readInt32BE(0);
        },
        [BACKEND_KEY],
      );
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
      // Statements sent in the same tick (a pipelined group's writes) leave in one system call.
      let corked = false;
      const uncork = () => {
        corked = false;
        socket.uncork();
      };
      socket.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (chunk instanceof Uint8Array) out.push(chunk);
        w.lastWrite = Date.now();
        if (!corked && !socket.destroyed) {
          corked = true;
          socket.cork();
          process.nextTick(uncork);
        }
        return write(chunk, ...rest);
      }) as typeof socket.write;
      socket.on("data", (chunk: Buffer) => {
        w.lastRead = Date.now();
        inbound.push(chunk);
      });
      socket.once("close", () => live.delete(w));
      deferClose(socket, o.path || `${o.host[0]}:${o.port[0] ?? 5432}`);
      live.add(w);
      return socket;
    },
    destroyAll(reason) {
      for (const w of live) w.socket.destroy(new Error(reason));
      live.clear();
    },
    close() {
      clearInterval(timer);
    },
  };
}
