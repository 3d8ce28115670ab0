import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Db } from "../../drizzle/client";
import type { Authenticator } from "../auth/authenticate";
import { homeCommunity, mayReach } from "../auth/scope";
import { readCookie, SESSION_COOKIE } from "../auth/session";
import type { Principal, TokenCheck } from "../auth/tokens";
import { AppError, english } from "../errors";
import type { DoorLimits } from "../http/limits";
import { originAllowed, requestScheme, type Scheme } from "../http/origin";
import type { Logger } from "../log";
import type { Params, Reason } from "../protocol/reasons";
import { type ClientToServerEvents, type ServerToClientEvents, SubscribeInput } from "../protocol/state";
import { communityExists } from "../queries/communities";
import { readSnapshot } from "../queries/snapshot";
import { readStreet } from "../queries/street";
import { readWallView } from "../queries/wall";
import { communityRoom, type DemoMarks, streetRoom, wallRoom } from "./broadcaster";
import { SocketQuota } from "./socket-quota";
import { SubscriberReads } from "./subscriber-reads";

interface SocketData {
  principal: Principal;
  community?: string;
  wall?: boolean;
}

export type CordonIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface IoOptions {
  heartbeatMs?: number;
  version: string;
  limits: DoorLimits;
  /** PUBLIC_URL: the only origin whose pages may use the session cookie here, when set. */
  publicUrl?: string;
  /** The demo mark each room was sent (see Broadcaster). */
  demoMarks?: DemoMarks;
  /** Where the street view's "today" is (REPORT_TIME_ZONE). */
  reportTimeZone?: string;
  /** Sockets one token may hold on this node (SOCKETS_PER_TOKEN). */
  socketsPerToken?: number;
}

/** `subscribe` calls one socket may make in SUBSCRIBE_WINDOW_S seconds: each one reads the state (the wall view a dozen queries). */
const SUBSCRIBES = 10;
const SUBSCRIBE_WINDOW_S = 10;

/**
 * Browsers may use the cookie only from our own pages; scripts use a token in `auth`. A browser
 * sends Origin on a cross-site handshake; a same-origin polling GET may carry none.
 */
function cookieAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | undefined, scheme: Scheme): boolean {
  return !origin || originAllowed(origin, host, publicUrl, scheme);
}

/** A refused handshake: Socket.IO hands `data` to the client's connect_error, so a screen can translate the reason. */
const refusal = (message: string, code: string, reason: Reason, params: Params = {}) =>
  Object.assign(new Error(message), { data: { code, reason, params } });

/** Socket.IO on the shared HTTP server: authenticated handshake, `subscribe`, server heartbeat. */
export function createIo(http: HttpServer, db: Db, auth: Authenticator, log: Logger, opts: IoOptions) {
  const io: CordonIo = new Server(http, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    maxHttpBufferSize: 16 * 1024,
  });
  const snapshots = new SubscriberReads(
    io,
    "snapshot",
    (community) => readSnapshot(db, community),
    (s) => opts.demoMarks?.note(s),
  );
  const wallViews = new SubscriberReads(io, "wall", (community) => readWallView(db, community));
  const quota = new SocketQuota(opts.socketsPerToken ?? 20);

  io.use(async (socket, next) => {
    const address = opts.limits.address(socket.request);
    try {
      opts.limits.assertOpen(address);
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      const headers = socket.handshake.headers;
      let checked: TokenCheck = { principal: null, revoked: false };
      let tried = false;
      if (typeof token === "string") {
        tried = true;
        checked = await auth.check(token);
      } else if (headers.cookie && cookieAllowed(headers.origin, headers.host, opts.publicUrl, requestScheme(socket.request))) {
        tried = readCookie(headers.cookie, SESSION_COOKIE) !== undefined;
        checked = await auth.checkCookie(headers.cookie);
      }
      const principal = checked.principal;
      if (!principal) {
        // A revoked token is a signed-out phone, not a guess: it does not count against its address.
        if (checked.revoked) return next(refusal(`unauthorized: ${english("sign_in_revoked")}`, "unauthorized", "sign_in_revoked"));
        if (tried) await opts.limits.failed(address);
        return next(refusal("unauthorized: give auth.token or open a sign-in link first", "unauthorized", "no_token"));
      }
      const release = quota.take(principal.tokenId);
      if (!release)
        return next(
          refusal(`rate_limited: ${english("too_many_sockets", { limit: quota.limit })}`, "rate_limited", "too_many_sockets", {
            limit: quota.limit,
          }),
        );
      // A socket that never finishes connecting has no disconnect event: its connection's close gives the place back.
      socket.once("disconnect", release);
      socket.conn.once("close", release);
      socket.data.principal = principal;
      next();
    } catch (err) {
      if (err instanceof AppError && err.code === "rate_limited")
        return next(refusal(`rate_limited: ${err.message}`, err.code, err.reason, err.params));
      if (err instanceof AppError) return next(refusal(`unauthorized: ${err.message}`, "unauthorized", err.reason, err.params));
      log.warn({ err: (err as Error).message }, "socket auth failed");
      next(refusal("unavailable: try again", "unavailable", "db_retrying"));
    }
  });

  io.on("connection", (socket) => {
    // The subscribe budget: a fixed window from the first call, two numbers per socket rather than
    // a limiter entry and a timer each, gone with the socket.
    let windowFrom = 0;
    let used = 0;
    socket.on("street", async (ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const principal = socket.data.principal as Principal;
      if (principal.role !== "street" && !principal.operator) {
        const params = { role: principal.role, method: "socket", path: "street" };
        socket.emit("problem", { code: "forbidden", reason: "role_forbidden", params, message: english("role_forbidden", params) });
        return reply({ ok: false, error: english("role_forbidden", params) });
      }
      try {
        // Rooms first, then the read: a change in between arrives as `counts` with a newer seq.
        const named = principal.operator ? null : (principal.communities ?? []);
        const all = named ?? (await readStreet(db, null)).map((c) => c.community);
        await socket.join([...all.map(communityRoom), ...all.map(streetRoom)]);
        socket.emit("street", { communities: await readStreet(db, named, opts.reportTimeZone) });
        reply({ ok: true });
      } catch (err) {
        log.warn({ err: (err as Error).message }, "street view for subscriber failed");
        reply({ ok: false, error: english("db_retrying", {}) });
      }
    });
    socket.on("subscribe", async (input, ack) => {
      const refuse = (code: string, reason: Reason, params: Params = {}) => {
        const message = english(reason, params);
        socket.emit("problem", { code, reason, params, message });
        if (typeof ack === "function") ack({ ok: false, error: message });
      };
      const at = Date.now();
      if (at - windowFrom >= SUBSCRIBE_WINDOW_S * 1000) {
        windowFrom = at;
        used = 0;
      }
      if (++used > SUBSCRIBES) return refuse("rate_limited", "too_many_subscribes", { limit: SUBSCRIBES, seconds: SUBSCRIBE_WINDOW_S });
      // A household's token follows its own requests over HTTP; the community's room carries the queue's personal data.
      if (socket.data.principal.role === "resident")
        return refuse("forbidden", "role_forbidden", { role: "resident", method: "subscribe", path: "socket" });
      const parsed = SubscribeInput.safeParse(input ?? {});
      if (!parsed.success) return refuse("validation", "subscribe_invalid", { detail: parsed.error.issues[0]?.message ?? "" });
      const { wall } = parsed.data;
      const principal = socket.data.principal as Principal;
      const community = parsed.data.community ?? homeCommunity(principal);
      if (!mayReach(principal, community)) return refuse("forbidden", "community_forbidden", { community });
      try {
        if (!(await communityExists(db, community))) return refuse("not_found", "community_unknown", { community });
      } catch {
        return refuse("unavailable", "db_retrying");
      }
      if (socket.data.community && socket.data.community !== community) await socket.leave(communityRoom(socket.data.community));
      if (socket.data.community && socket.data.wall && (socket.data.community !== community || !wall))
        await socket.leave(wallRoom(socket.data.community));
      socket.data.community = community;
      socket.data.wall = wall ?? false;
      // Join first, then read: a change landing in between arrives as `counts` with a newer seq.
      await socket.join(communityRoom(community));
      if (wall) await socket.join(wallRoom(community));
      try {
        await snapshots.send(community, socket.id);
        if (wall) await wallViews.send(community, socket.id);
        if (typeof ack === "function") ack({ ok: true });
      } catch (err) {
        log.warn({ err: (err as Error).message }, "snapshot for subscriber failed");
        refuse("unavailable", "db_retrying");
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
