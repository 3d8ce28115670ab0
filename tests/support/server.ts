import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Cordon, startCordon } from "../../server/app";
import { readEnv } from "../../server/env";
import { createLogger } from "../../server/log";
import { ENGINE, freshPostgresDatabase } from "./db";

export const ADMIN = "test-admin-token-0123456789";

export interface TestServer {
  app: Cordon;
  url: string;
  /** The PostgreSQL database this server uses (postgres engine only). */
  databaseUrl?: string;
  /** fetch against the server with the secretary's token (or `token`). */
  api(pathname: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
  post(body: unknown, token?: string): Promise<{ status: number; body: any }>;
  snapshot(community?: string): Promise<any>;
  /** A token of `role` in `community` (default: the operator's, `default`). */
  mint(role: "secretary" | "volunteer" | "display", label?: string, community?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts a real server in this process (API and Socket.IO, no pages) on a fresh database of the engine under test. */
export async function startTestServer(extra: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-test-"));
  // A DATABASE_URL in `extra` joins an existing database (a second node); otherwise a fresh one of the engine.
  const pg = ENGINE === "postgres" && !extra.DATABASE_URL ? await freshPostgresDatabase() : null;
  const env = readEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_TOKEN: ADMIN,
    DEMO: "0",
    UI: "0",
    LOG_LEVEL: "warn",
    RATE_LIMIT: "100000",
    // Suites make many deliberate bad sign-ins from one address; the door limits have their own tests.
    AUTH_FAILURE_LIMIT: "100000",
    HEALTH_RATE_LIMIT: "100000",
    // Suites open crowds of sockets with one token; the per-token ceiling has its own test.
    SOCKETS_PER_TOKEN: "100000",
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...extra,
  });
  const app = await startCordon(env, createLogger(env.LOG_LEVEL));
  const url = `http://127.0.0.1:${app.port}`;
  const api: TestServer["api"] = (pathname, init = {}) => {
    const { token = ADMIN, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    if (json !== undefined) headers.set("content-type", "application/json");
    return fetch(`${url}${pathname}`, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      redirect: "manual",
    });
  };
  return {
    app,
    url,
    databaseUrl: env.DATABASE_URL,
    api,
    async post(body, token = ADMIN) {
      const r = await api("/api/events", { method: "POST", json: body, token });
      return { status: r.status, body: await r.json() };
    },
    async snapshot(community = "default") {
      return (await api(`/api/snapshot?community=${community}`)).json();
    },
    async mint(role, label = role, community) {
      const r = await api("/api/tokens", { method: "POST", json: { role, label, ...(community ? { community } : {}) } });
      return ((await r.json()) as { token: string }).token;
    },
    async close() {
      await app.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
