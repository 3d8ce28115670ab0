import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Db } from "../../drizzle/client";
import type { Authenticator } from "../auth/authenticate";
import type { Principal } from "../auth/tokens";
import type { Logger } from "../log";
import { type ClientToServerEvents, type ServerToClientEvents, SubscribeInput } from "../protocol/state";
import { readSnapshot } from "../queries/snapshot";
import { readWallView } from "../queries/wall";
import { communityRoom, wallRoom } from "./broadcaster";

interface SocketData {
  principal: Principal;
  community?: string;
  wall?: boolean;
}

export type CordonIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface IoOptions {
  heartbeatMs?: number;
  version: string;
}

/** Browsers may use the cookie only from our own pages; scripts use a token in `auth`. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Socket.IO on the shared HTTP server: authenticated handshake, `subscribe`, server heartbeat. */
export function createIo(http: HttpServer, db: Db, auth: Authenticator, log: Logger, opts: IoOptions) {
  const io: CordonIo = new Server(http, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    maxHttpBufferSize: 16 * 1024,
  });

  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      let principal: Principal | null = null;
      if (typeof token === "string") principal = await auth.resolveToken(token);
      else if (sameOrigin(socket.handshake.headers.origin, socket.handshake.headers.host))
        principal = await auth.fromCookie(socket.handshake.headers.cookie);
      if (!principal) return next(new Error("unauthorized: give auth.token or open a sign-in link first"));
      socket.data.principal = principal;
      next();
    } catch (err) {
      log.warn({ err: (err as Error).message }, "socket auth failed");
      next(new Error("unavailable: try again"));
    }
  });

  io.on("connection", (socket) => {
    socket.on("subscribe", async (input, ack) => {
      const parsed = SubscribeInput.safeParse(input ?? {});
      if (!parsed.success) {
        const message = `subscribe needs {"community": id}: ${parsed.error.issues[0]?.message}`;
        socket.emit("problem", { code: "validation", message });
        if (typeof ack === "function") ack({ ok: false, error: message });
        return;
      }
      const { community, wall } = parsed.data;
      if (socket.data.community && socket.data.community !== community) await socket.leave(communityRoom(socket.data.community));
      if (socket.data.community && socket.data.wall && (socket.data.community !== community || !wall))
        await socket.leave(wallRoom(socket.data.community));
      socket.data.community = community;
      socket.data.wall = wall ?? false;
      // Join first, then read: a change landing in between arrives as `counts` with a newer seq.
      await socket.join(communityRoom(community));
      if (wall) await socket.join(wallRoom(community));
      try {
        socket.emit("snapshot", await readSnapshot(db, community));
        if (wall) socket.emit("wall", await readWallView(db, community));
        if (typeof ack === "function") ack({ ok: true });
      } catch (err) {
        log.warn({ err: (err as Error).message }, "snapshot for subscriber failed");
        socket.emit("problem", { code: "unavailable", message: "the database cannot be reached; retrying" });
        if (typeof ack === "function") ack({ ok: false, error: "unavailable" });
      }
    });
  });

  const beat = setInterval(() => io.emit("heartbeat", { at: new Date().toISOString(), version: opts.version }), opts.heartbeatMs ?? 10_000);
  beat.unref();

  return {
    io,
    async close() {
      clearInterval(beat);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
