import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, type Spawned, spawnServer } from "./spawn";

export interface AppServer {
  readonly url: string;
  readonly env: Record<string, string>;
  /** An API call with the secretary's token: GET without a body, POST with one. */
  api(pathname: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Mints a token of `role` and returns its secret. */
  mint(role: "secretary" | "volunteer" | "display", label?: string): Promise<string>;
  kill9(): Promise<void>;
  /** Starts the server again on the same port and data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The whole server (pages included) as its own process, on a fresh embedded database with an admin token. */
export async function startAppServer(admin: string, extra: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-app-"));
  const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dataDir, ADMIN_TOKEN: admin, DEMO: "0", ...extra };
  let server: Spawned = await spawnServer(env);
  const api: AppServer["api"] = async (pathname, body) => {
    const r = await fetch(`${server.url}${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  };
  return {
    url: server.url,
    env,
    api,
    async mint(role, label = role) {
      const r = await api("/api/tokens", { role, label });
      if (r.status !== 201) throw new Error(`could not mint a ${role} token: ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    kill9: () => server.kill9(),
    async restart() {
      server = await spawnServer(env);
    },
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
