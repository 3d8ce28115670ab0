"use client";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../server/protocol/state";
import type { WallView } from "../../server/protocol/wall";
import { screenCommunity } from "./community";
import { LiveStore } from "./store";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Client = { store: LiveStore; socket: LiveSocket; community: string; wall: boolean };

let current: Client | null = null;

/**
 * The server checks every wall view against the strict schema (the privacy wall) before it sends one, so the browser
 * does not carry zod for it again; this only keeps a frame of the wrong shape from breaking the screen.
 */
function looksLikeWallView(v: unknown): v is WallView {
  const w = v as Partial<WallView> | null;
  return (
    typeof w === "object" &&
    w !== null &&
    typeof w.seq === "number" &&
    typeof w.community === "string" &&
    typeof w.generatedAt === "string" &&
    typeof w.counts === "object" &&
    Array.isArray(w.buildings) &&
    Array.isArray(w.posts) &&
    Array.isArray(w.queue?.items) &&
    Array.isArray(w.alerts?.items) &&
    Array.isArray(w.series?.points)
  );
}

/**
 * One socket and one store per tab (StrictMode mounts effects twice). The socket signs in with
 * the session cookie, subscribes on every (re)connect, and the store converges from the snapshot.
 * `wall: true` adds the display-safe wall view to the subscription.
 */
export function liveClient(community = screenCommunity(), opts: { wall?: boolean } = {}): { store: LiveStore; socket: LiveSocket } {
  if (current && current.community === community) {
    if (opts.wall && !current.wall) {
      current.wall = true;
      if (current.socket.connected) current.socket.emit("subscribe", { community, wall: true });
    }
    return current;
  }
  current?.socket.close();
  const store = new LiveStore();
  const socket: LiveSocket = io({ withCredentials: true, reconnectionDelay: 500, reconnectionDelayMax: 3000 });
  const client: Client = { store, socket, community, wall: opts.wall ?? false };
  socket.on("connect", () => {
    store.setAuthError(false);
    socket.emit("subscribe", client.wall ? { community, wall: true } : { community });
  });
  socket.on("snapshot", (s) => {
    store.reset(s);
    store.setConnection("live");
  });
  socket.on("counts", (m) => store.applyCounts(m));
  socket.on("wall", (v) => {
    if (looksLikeWallView(v)) store.applyWall(v);
  });
  socket.on("heartbeat", (h) => store.heartbeat(h));
  socket.on("disconnect", () => store.setConnection(navigator.onLine ? "reconnecting" : "offline"));
  socket.on("connect_error", (err) => {
    if (err.message.startsWith("unauthorized")) store.setAuthError(true);
    store.setConnection(navigator.onLine ? "reconnecting" : "offline");
  });
  window.addEventListener("offline", () => store.setConnection("offline"));
  current = client;
  return current;
}
