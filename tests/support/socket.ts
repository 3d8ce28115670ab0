import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, CountsMessage, ServerToClientEvents, Snapshot } from "../../server/protocol/state";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & {
  received: { event: string; data: unknown }[];
  latest(): { seq: number; counts: Snapshot["counts"] } | null;
};

/** A real socket.io-client that records every frame it receives. */
export function connect(url: string, opts: { token?: string; cookie?: string; origin?: string } = {}): TestSocket {
  const socket = io(url, {
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.cookie ? { cookie: opts.cookie, ...(opts.origin ? { origin: opts.origin } : {}) } : undefined,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  }) as TestSocket;
  socket.received = [];
  let latest: { seq: number; counts: Snapshot["counts"] } | null = null;
  socket.onAny((event, data) => {
    socket.received.push({ event, data });
    if (event === "snapshot" || event === "counts") {
      const m = data as CountsMessage;
      if (!latest || m.seq >= latest.seq) latest = { seq: m.seq, counts: m.counts };
    }
  });
  socket.latest = () => latest;
  return socket;
}

/** Resolves once connected, or rejects with the server's reason. */
export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}
