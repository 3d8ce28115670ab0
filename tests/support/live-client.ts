// A socket.io-client that behaves like a screen: reconnects by itself and resubscribes after every connect.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, CountsMessage, ServerToClientEvents, Snapshot } from "../../server/protocol/state";

export interface LiveClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  latest(): { seq: number; counts: Snapshot["counts"] } | null;
  /** How many times it was connected, and lost the connection. */
  readonly connects: number;
  readonly disconnects: number;
  close(): void;
}

/** Connects to `url` with `token`; `websocket` only by default (no sticky session needed), or Socket.IO's polling-first default. */
export function liveClient(url: string, token: string, opts: { community?: string; polling?: boolean } = {}): LiveClient {
  const community = opts.community ?? "default";
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth: { token },
    transports: opts.polling ? ["polling", "websocket"] : ["websocket"],
    withCredentials: true,
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  let latest: { seq: number; counts: Snapshot["counts"] } | null = null;
  const state = { connects: 0, disconnects: 0 };
  const keep = (m: CountsMessage | Snapshot) => {
    if (!latest || m.seq >= latest.seq) latest = { seq: m.seq, counts: m.counts };
  };
  socket.on("connect", () => {
    state.connects++;
    socket.emit("subscribe", { community });
  });
  socket.on("disconnect", () => {
    state.disconnects++;
  });
  socket.on("snapshot", keep);
  socket.on("counts", keep);
  return {
    socket,
    latest: () => latest,
    get connects() {
      return state.connects;
    },
    get disconnects() {
      return state.disconnects;
    },
    close: () => void socket.close(),
  };
}
