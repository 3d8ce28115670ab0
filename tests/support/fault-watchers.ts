// Socket.IO subscribers that watch through a fault on their own: they reconnect and resubscribe by themselves, as the screens do.
import { io, type Socket } from "socket.io-client";
import {
  type ClientToServerEvents,
  COUNT_KEYS,
  type CountsMessage,
  type ServerToClientEvents,
  type Snapshot,
} from "../../server/protocol/state";
import { waitFor } from "./wait";

type Seen = { seq: number; counts: Snapshot["counts"] };

export interface Watcher {
  readonly transport: "websocket" | "polling";
  latest(): Seen | null;
  readonly connects: number;
  readonly disconnects: number;
  /** The last things that happened to it, for a failure's message. */
  history(): string[];
}

export interface Watchers {
  list: Watcher[];
  /** Total disconnects seen, to tell that a fault reached them. */
  disconnects(): number;
  allConnected(): boolean;
  close(): void;
}

/**
 * `count` subscribers of the default community on `url`; every third one starts on HTTP long-polling
 * (Socket.IO's default), the others on WebSocket. Each emits `subscribe` on every (re)connect and
 * keeps the newest state it was sent, dropping anything older. Reconnection waits at most 1 s
 * between attempts (the screens: 3 s), so that "converged within 3 s" measures the server.
 */
export function startWatchers(url: string, token: string, count: number): Watchers {
  const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
  const list = Array.from({ length: count }, (_, i): Watcher => {
    const transport = i % 3 === 2 ? "polling" : "websocket";
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      auth: { token },
      transports: transport === "polling" ? ["polling", "websocket"] : ["websocket"],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
    });
    sockets.push(socket);
    let latest: Seen | null = null;
    const state = { connects: 0, disconnects: 0 };
    const seen: string[] = [];
    const note = (what: string) => {
      seen.push(`${new Date().toISOString().slice(11, 23)} ${what}`);
      if (seen.length > 20) seen.shift();
    };
    const keep = (m: CountsMessage | Snapshot) => {
      if (!latest || m.seq >= latest.seq) latest = { seq: m.seq, counts: m.counts };
    };
    socket.on("connect", () => {
      state.connects++;
      note(`connect ${socket.io.engine?.transport?.name}`);
      socket.emit("subscribe", { community: "default" });
    });
    socket.on("disconnect", (reason) => {
      state.disconnects++;
      note(`disconnect ${reason}`);
    });
    socket.on("connect_error", (err) => note(`connect_error ${err.message}`));
    socket.on("problem", (p) => note(`problem ${p.code} ${p.message}`));
    socket.on("snapshot", (m) => note(`snapshot ${m.seq}`));
    socket.io.on("reconnect_attempt", (n) => note(`reconnect attempt ${n}`));
    socket.io.on("open", () => note("engine open"));
    socket.io.on("error", (e) =>
      note(`manager error ${e.message} ${(e as { description?: { message?: string } }).description?.message ?? ""}`),
    );
    socket.on("snapshot", keep);
    socket.on("counts", keep);
    return {
      transport,
      latest: () => latest,
      get connects() {
        return state.connects;
      },
      get disconnects() {
        return state.disconnects;
      },
      history: () => [
        ...seen,
        `now: manager ${(socket.io as unknown as { _readyState: string })._readyState}, engine ${socket.io.engine?.readyState} ${socket.io.engine?.transport?.name}`,
      ],
    };
  });
  return {
    list,
    disconnects: () => list.reduce((n, w) => n + w.disconnects, 0),
    allConnected: () => sockets.every((s) => s.connected),
    close: () => {
      for (const s of sockets) s.close();
    },
  };
}

const same = (a: Seen | null, b: Seen) => a !== null && a.seq === b.seq && COUNT_KEYS.every((k) => a.counts[k] === b.counts[k]);

/** Waits until every watcher shows the snapshot's seq and counts; `withinMs` counts from now, with no help given. */
export async function expectConverged(watchers: Watchers, snapshot: () => Promise<Seen>, withinMs = 3000): Promise<void> {
  const snap = await snapshot();
  try {
    await waitFor(() => watchers.list.every((w) => same(w.latest(), snap)), `every subscriber to show seq ${snap.seq}`, withinMs, 20);
  } catch (err) {
    const shown = watchers.list.map(
      (w) => `${w.transport} ${JSON.stringify(w.latest())}${same(w.latest(), snap) ? "" : `\n    ${w.history().join("\n    ")}`}`,
    );
    throw new Error(`${(err as Error).message} and counts ${JSON.stringify(snap.counts)}; they show:\n${shown.join("\n")}`);
  }
}
