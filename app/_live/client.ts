"use client";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../server/protocol/state";
import { LiveStore } from "./store";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let current: { store: LiveStore; socket: LiveSocket; community: string } | null = null;

/**
 * One socket and one store per tab (StrictMode mounts effects twice). The socket signs in with
 * the session cookie, subscribes on every (re)connect, and the store converges from the snapshot.
 */
export function liveClient(community = "default"): { store: LiveStore; socket: LiveSocket } {
  if (current && current.community === community) return current;
  current?.socket.close();
  const store = new LiveStore();
  const socket: LiveSocket = io({ withCredentials: true, reconnectionDelay: 500, reconnectionDelayMax: 3000 });
  socket.on("connect", () => {
    store.setAuthError(false);
    socket.emit("subscribe", { community });
  });
  socket.on("snapshot", (s) => {
    store.reset(s);
    store.setConnection("live");
  });
  socket.on("counts", (m) => store.applyCounts(m));
  socket.on("heartbeat", () => store.heartbeat());
  socket.on("disconnect", () => store.setConnection(navigator.onLine ? "reconnecting" : "offline"));
  socket.on("connect_error", (err) => {
    if (err.message.startsWith("unauthorized")) store.setAuthError(true);
    store.setConnection(navigator.onLine ? "reconnecting" : "offline");
  });
  window.addEventListener("offline", () => store.setConnection("offline"));
  current = { store, socket, community };
  return current;
}
