import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Duplex } from "node:stream";
import { type DatabaseHandle, openPglite, openPostgres } from "../drizzle/client";
import { migrate } from "../drizzle/migrate";
import { Authenticator } from "./auth/authenticate";
import { passKey } from "./auth/pass-code";
import { loadSessionSecret } from "./auth/session";
import { startLinkTokens } from "./auth/start-links";
import { ensureToken, TokenResolver } from "./auth/tokens";
import { ownerOnly } from "./data-dir";
import { demoCompound } from "./demo/compound";
import { Simulator } from "./demo/simulator";
import type { Env } from "./env";
import { FeedListener } from "./feed/listener";
import { createApiHandler } from "./http/api";
import { DoorLimits } from "./http/limits";
import { createDoor } from "./http/serve";
import { handleSignIn } from "./http/sign-in";
import { requestTarget } from "./http/target";
import { appendEvents, onCommitted } from "./ingest/append";
import type { Logger } from "./log";
import { lockDataDir } from "./pglite-lock";
import { readFeedHead, readSnapshot } from "./queries/snapshot";
import { Broadcaster, DemoMarks, watchedCommunities } from "./realtime/broadcaster";
import { type CordonIo, createIo } from "./realtime/io";
import { OverdueClock } from "./realtime/overdue-clock";
import { RevocationWatcher } from "./realtime/revocations";

/** How often the embedded database's new files are made owner-only (DATA_DIR itself is 700 throughout). */
const PRIVATE_SWEEP_MS = 30_000;

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Cordon {
  url: string;
  port: number;
  handle: DatabaseHandle;
  links: { secretary: string; display: string };
  demo: boolean;
  /** The Socket.IO server: its rooms and sockets, for operators' tools and tests. */
  io: CordonIo;
  close(): Promise<void>;
}

async function loadDemo(handle: DatabaseHandle, log: Logger): Promise<void> {
  const all = demoCompound();
  for (let i = 0; i < all.length; i += 1000)
    await appendEvents(handle.db, all.slice(i, i + 1000), { role: "secretary", name: "demo", internal: true }, { batch: true });
  log.info({ events: all.length }, "demo compound loaded");
}

async function prepareNext(dev: boolean, log: Logger): Promise<{ handler: NextHandler; close(): Promise<void> }> {
  const mod = (await import("next")) as unknown as { default: ((o: object) => unknown) & { default?: (o: object) => unknown } };
  const create = (mod.default.default ?? mod.default) as (o: object) => {
    prepare(): Promise<void>;
    getRequestHandler(): NextHandler;
    close?: () => Promise<void>;
  };
  const app = create({ dev, dir: process.cwd(), turbopack: dev });
  await app.prepare();
  log.info({ dev }, "pages ready");
  return { handler: app.getRequestHandler(), close: async () => app.close?.() };
}

function buildVersion(distDir: string): string {
  try {
    return readFileSync(path.resolve(distDir, "BUILD_ID"), "utf8").trim();
  } catch {
    return `dev-${Date.now()}`;
  }
}

/** A request line that names nothing we serve: a plain 400, and the connection closed. */
function badRequest(res: ServerResponse): void {
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end("bad request target\n");
}

/** Answers a connection taken out of HTTP's hands (CONNECT, an upgrade) and closes it. */
function refuseRaw(socket: Duplex, status: string): void {
  socket.on("error", () => {});
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** The composition root: database → migrations → auth → demo → pages → HTTP → Socket.IO → feed listener. */
export async function startCordon(env: Env, log: Logger, opts: { dev?: boolean } = {}): Promise<Cordon> {
  const embedded = !env.DATABASE_URL;
  const loose = existsSync(env.DATA_DIR) ? ownerOnly(env.DATA_DIR) : [];
  if (loose.length > 0)
    log.warn(
      { dataDir: env.DATA_DIR, paths: loose.length, first: loose.slice(0, 3) },
      "DATA_DIR was open to other accounts on this machine: repaired, now owner-only (directories 700, files 600)",
    );
  const unlock = embedded ? await lockDataDir(env.DATA_DIR) : () => {};
  const handle = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, env.DATABASE_POOL, {
        onDeadConnection: (ms) => log.warn({ silentMs: ms }, "PostgreSQL connection closed as dead"),
      })
    : await openPglite(env.DATA_DIR);
  await migrate(handle);
  const db = handle.db;

  const secret = await loadSessionSecret(db, env.SESSION_SECRET);
  const resolver = new TokenResolver(db, log);
  const auth = new Authenticator(resolver, secret);
  if (env.ADMIN_TOKEN) {
    const admin = await ensureToken(db, env.ADMIN_TOKEN, "secretary", "ADMIN_TOKEN", { operator: true });
    if (admin.revoked)
      log.warn("ADMIN_TOKEN has been revoked and stays revoked; set a new ADMIN_TOKEN to sign in as the secretary with it");
  }
  const links = await startLinkTokens(db, resolver, env.DATA_DIR, env.ADMIN_TOKEN);
  // PGlite writes its files 644 or 666 whatever the umask: made private now, and again as it adds files.
  ownerOnly(env.DATA_DIR);
  const keepPrivate = embedded ? setInterval(() => ownerOnly(env.DATA_DIR), PRIVATE_SWEEP_MS) : undefined;
  keepPrivate?.unref();

  const isNew = (await readFeedHead(db)) === 0;
  // The demo is loaded only into a new database, and simulated only while the feed says it is there:
  // once a secretary has cleared it (demo.cleared), no restart brings the simulator back.
  if (isNew && (env.DEMO === "1" || (env.DEMO === undefined && embedded))) await loadDemo(handle, log);
  const demo = env.DEMO !== "0" && (await readSnapshot(db, "default")).demo;

  const next = env.UI === "0" ? null : await prepareNext(opts.dev ?? false, log);
  const limits = new DoorLimits(
    handle,
    {
      perToken: env.RATE_LIMIT,
      authFailuresPerMinute: env.AUTH_FAILURE_LIMIT,
      healthPerSecond: env.HEALTH_RATE_LIMIT,
      trustProxy: env.TRUST_PROXY === "1",
    },
    log,
  );
  const api = createApiHandler({
    handle,
    auth,
    log,
    limits,
    publicUrl: env.PUBLIC_URL,
    reportTimeZone: env.REPORT_TIME_ZONE,
    passKey: passKey(secret),
  });
  const tls = env.TLS_CERT && env.TLS_KEY ? { cert: env.TLS_CERT, key: env.TLS_KEY } : null;
  const createServer = (listener: RequestListener) => createDoor(tls, listener);

  const http = createServer((req, res) => {
    const url = requestTarget(req.url);
    if (!url) return void badRequest(res);
    // Pages and the API see the target as parsed here, whatever the request line said.
    req.url = `${url.pathname}${url.search}`;
    if (url.pathname.startsWith("/api/")) return void api(req, res, url);
    void (async () => {
      try {
        if (await handleSignIn(req, res, url, { auth, sessionSecret: secret, limits, publicUrl: env.PUBLIC_URL })) return;
        if (next) return await next.handler(req, res);
        res.writeHead(404, { "content-type": "text/plain" }).end("pages are off (UI=0)");
      } catch (err) {
        log.error({ err }, "page request failed");
        if (!res.headersSent) res.writeHead(500).end("internal error");
      }
    })();
  });

  // No proxying, and WebSockets only for Socket.IO: anything else is answered, never dropped unanswered.
  http.on("connect", (_req, socket) => refuseRaw(socket, "405 Method Not Allowed"));
  http.on("upgrade", (req, socket) => {
    if (!requestTarget(req.url)?.pathname.startsWith("/socket.io/")) refuseRaw(socket, "400 Bad Request");
  });

  const demoMarks = new DemoMarks();
  const realtime = createIo(http, db, auth, log, {
    version: buildVersion(env.NEXT_DIST_DIR),
    limits,
    publicUrl: env.PUBLIC_URL,
    demoMarks,
    socketsPerToken: env.SOCKETS_PER_TOKEN,
    reportTimeZone: env.REPORT_TIME_ZONE,
  });
  const revocations = new RevocationWatcher(db, realtime.io, resolver, log);
  revocations.start();
  const broadcaster = new Broadcaster(realtime.io, db, log, undefined, { demoMarks, reportTimeZone: env.REPORT_TIME_ZONE });
  const overdueClock = new OverdueClock(
    db,
    () => watchedCommunities(realtime.io),
    (c) => broadcaster.changed(c),
    log,
  );
  const listener = new FeedListener(
    handle,
    (communities) => {
      for (const c of communities) broadcaster.changed(c);
    },
    log,
  );
  await listener.start();
  const unhook = onCommitted(db, (w) => listener.committed(w.first, w.last, w.communities));

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const simulator = demo ? new Simulator(db, log, env.DEMO_TICK_MS) : null;
  simulator?.start();

  let closing: Promise<void> | undefined;
  return {
    url: `${tls ? "https" : "http"}://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`,
    port,
    handle,
    links,
    demo,
    io: realtime.io,
    close() {
      closing ??= (async () => {
        simulator?.close();
        revocations.close();
        unhook();
        await listener.close();
        overdueClock.close();
        broadcaster.close();
        await realtime.close();
        await next?.close().catch(() => {});
        await handle.close();
        clearInterval(keepPrivate);
        if (embedded) ownerOnly(env.DATA_DIR);
        unlock();
      })();
      return closing;
    },
  };
}
