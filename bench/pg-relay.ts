// Why: database load measured at the wire, the same way for Cordon and for polling dashboards: a TCP relay in front
// of PostgreSQL that reads the protocol, counts every statement its clients run (a Sync after an Execute, or a simple
// Query), labels it with its SQL, and times it from the moment it was sent until the server was ready again.
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { now } from "./common";

export interface StatementTally {
  label: string;
  /** Inside a transaction (BEGIN … COMMIT): Cordon's writes. */
  inTransaction: boolean;
  count: number;
  /** Milliseconds from send to ReadyForQuery, summed (time queued behind another statement on the connection excluded). */
  ms: number;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

/** The statement's SQL, short: whitespace collapsed, quotes dropped, cut at 90 characters. */
const labelOf = (text: string) => {
  const t = text.replace(/\s+/g, " ").replace(/"/g, "").trim();
  return t.length > 90 ? `${t.slice(0, 87)}…` : t;
};

interface Pending {
  label: string | null;
  inTransaction: boolean;
  sentAt: number;
}

export class PgRelay {
  private server: Server;
  private tallies = new Map<string, StatementTally>();
  private sockets = new Set<Socket>();
  url = "";

  private constructor(private readonly target: URL) {
    this.server = createServer((client) => this.relay(client));
  }

  /** A relay to the database at `databaseUrl`; its `url` is the same database, reached through the relay. */
  static async start(databaseUrl: string): Promise<PgRelay> {
    const relay = new PgRelay(new URL(databaseUrl));
    await new Promise<void>((r) => relay.server.listen(0, "127.0.0.1", r));
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${(relay.server.address() as { port: number }).port}`;
    relay.url = url.toString();
    return relay;
  }

  /** What ran since the last reset, by statement. */
  tally(): StatementTally[] {
    return [...this.tallies.values()].map((t) => ({ ...t }));
  }
  reset(): void {
    this.tallies.clear();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private count(p: Pending, readyAt: number, lastReady: number) {
    if (p.label === null) return;
    const key = `${p.inTransaction ? "tx" : "--"} ${p.label}`;
    const t = this.tallies.get(key) ?? { label: p.label, inTransaction: p.inTransaction, count: 0, ms: 0 };
    t.count++;
    t.ms += readyAt - Math.max(p.sentAt, lastReady);
    this.tallies.set(key, t);
  }

  private relay(client: Socket): void {
    const upstream = tcpConnect(Number(this.target.port || 5432), this.target.hostname);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);

    const statements = new Map<string, string>();
    const queue: Pending[] = [];
    let inTx = false;
    let lastReady = 0;
    let bound: string | null = null;
    let executed = false;
    // Before the startup message, client messages carry no type byte; after an SSLRequest the server answers one bare byte.
    let untyped = true;
    let bareBytes = 0;

    let inBuf: Buffer = Buffer.alloc(0);
    client.on("data", (d: Buffer) => {
      upstream.write(d);
      inBuf = inBuf.length ? Buffer.concat([inBuf, d]) : d;
      for (;;) {
        if (untyped) {
          if (inBuf.length < 8 || inBuf.length < inBuf.readInt32BE(0)) break;
          const code = inBuf.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSS_REQUEST) bareBytes++;
          else untyped = false;
          inBuf = inBuf.subarray(inBuf.readInt32BE(0));
          continue;
        }
        if (inBuf.length < 5 || inBuf.length < 1 + inBuf.readInt32BE(1)) break;
        const type = String.fromCharCode(inBuf[0]!);
        const body = inBuf.subarray(5, 1 + inBuf.readInt32BE(1));
        inBuf = inBuf.subarray(1 + inBuf.readInt32BE(1));
        const cstr = (buf: Buffer, from: number) => {
          const z = buf.indexOf(0, from);
          return [buf.toString("utf8", from, z), z + 1] as const;
        };
        if (type === "P") {
          const [name, at] = cstr(body, 0);
          statements.set(name, cstr(body, at)[0]);
        } else if (type === "B") {
          const [, at] = cstr(body, 0);
          bound = statements.get(cstr(body, at)[0]) ?? "?";
        } else if (type === "E") executed = true;
        else if (type === "S" || type === "Q") {
          const text = type === "Q" ? cstr(body, 0)[0] : executed ? bound : null;
          const label = text === null ? null : labelOf(text);
          // Followed in the client's own order (a statement may be sent before BEGIN's answer is back).
          if (label !== null && /^(begin|start transaction)/i.test(label)) inTx = true;
          queue.push({ label, inTransaction: inTx, sentAt: now() });
          if (label !== null && /^(commit|rollback|end)\b/i.test(label)) inTx = false;
          bound = null;
          executed = false;
        }
      }
    });

    let outBuf: Buffer = Buffer.alloc(0);
    upstream.on("data", (d: Buffer) => {
      client.write(d);
      outBuf = outBuf.length ? Buffer.concat([outBuf, d]) : d;
      for (;;) {
        if (bareBytes > 0) {
          if (outBuf.length < 1) break;
          bareBytes--;
          outBuf = outBuf.subarray(1);
          continue;
        }
        if (outBuf.length < 5 || outBuf.length < 1 + outBuf.readInt32BE(1)) break;
        const type = outBuf[0];
        const len = outBuf.readInt32BE(1);
        if (type === 0x5a /* Z: ReadyForQuery */) {
          const at = now();
          const p = queue.shift();
          if (p) this.count(p, at, lastReady);
          lastReady = at;
        }
        outBuf = outBuf.subarray(1 + len);
      }
    });
  }
}
