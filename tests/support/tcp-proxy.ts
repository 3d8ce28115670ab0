// A TCP proxy that can break its connections the ways a network does: reset, closed, or silently dropping everything.
import net from "node:net";

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  /** Traffic is dropped both ways; both sockets stay open (a half-open connection). */
  dropping: boolean;
  /** The client closed its side while it was being dropped: it found out by itself. */
  clientGone: boolean;
}

export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open now (not counting dropped ones). */
  readonly open: number;
  /** Drops every byte of every current connection from now on, both ways, without closing a socket. New connections pass. */
  dropExisting(): number;
  /** Dropped connections whose client has not closed its socket yet. */
  readonly dropsUnnoticed: number;
  /** Resets (RST) every current connection. */
  resetAll(): number;
  /** Closes (FIN) every current connection. */
  endAll(): number;
  close(): Promise<void>;
}

function forward(from: net.Socket, to: net.Socket, pair: Pair): void {
  from.on("data", (chunk) => {
    if (pair.dropping || to.destroyed) return;
    if (!to.write(chunk)) {
      from.pause();
      to.once("drain", () => from.resume());
    }
  });
}

/** Listens on a free loopback port and forwards each connection to `target`. */
export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect({ host: target.host ?? "127.0.0.1", port: target.port });
    const pair: Pair = { client, upstream, dropping: false, clientGone: false };
    pairs.add(pair);
    forward(client, upstream, pair);
    forward(upstream, client, pair);
    const ended = (other: net.Socket) => () => {
      if (!pair.dropping) other.end();
    };
    client.on("end", ended(upstream));
    upstream.on("end", ended(client));
    client.on("close", () => {
      if (pair.dropping) pair.clientGone = true;
      else upstream.destroy();
      if (upstream.destroyed) pairs.delete(pair);
    });
    upstream.on("close", () => {
      if (!pair.dropping) client.destroy();
      if (client.destroyed) pairs.delete(pair);
    });
    client.on("error", () => {});
    upstream.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const live = () => [...pairs].filter((p) => !p.dropping && !p.client.destroyed);

  return {
    port,
    get accepted() {
      return accepted;
    },
    get open() {
      return live().length;
    },
    dropExisting() {
      const now = live();
      for (const p of now) p.dropping = true;
      return now.length;
    },
    get dropsUnnoticed() {
      return [...pairs].filter((p) => p.dropping && !p.clientGone).length;
    },
    resetAll() {
      const now = live();
      for (const p of now) {
        p.client.resetAndDestroy();
        p.upstream.resetAndDestroy();
      }
      return now.length;
    },
    endAll() {
      const now = live();
      for (const p of now) {
        p.client.end();
        p.upstream.end();
      }
      return now.length;
    },
    async close() {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
