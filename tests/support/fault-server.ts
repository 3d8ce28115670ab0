// The server under a fault: its own process on its own data, seeded for the writers, with a token for the watchers.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { FAULT_ADMIN, writersWorld } from "./fault-writers";

/** The environment of a spawned server: a fresh DATA_DIR (removed by `cleanup`), limits out of the way. */
export async function faultEnv(extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; cleanup(): void }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cordon-fault-"));
  const env = {
    PORT: await restartablePort(),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_TOKEN: FAULT_ADMIN,
    DEMO: "0",
    UI: "0",
    RATE_LIMIT: "100000",
    HEALTH_RATE_LIMIT: "1000",
    SOCKETS_PER_TOKEN: "100000",
    LOG_LEVEL: "warn",
    ...extra,
  };
  return { env, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

const post = (url: string, pathname: string, body: unknown) =>
  fetch(`${url}${pathname}`, {
    method: "POST",
    headers: { authorization: `Bearer ${FAULT_ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Registers what `writers` writers need and mints a display token for the watchers. */
export async function seedForWriters(url: string, writers: number): Promise<string> {
  const r = await post(url, "/api/events", { events: writersWorld(writers) });
  if (r.status !== 201) throw new Error(`seeding answered ${r.status}: ${await r.text()}`);
  const t = await post(url, "/api/tokens", { role: "display", label: "fault watcher" });
  if (t.status !== 201) throw new Error(`minting answered ${t.status}: ${await t.text()}`);
  return ((await t.json()) as { token: string }).token;
}

/** GET /api/health's status, or 0 when nothing answers within 3 s. */
export async function healthStatus(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

/**
 * A port for a server that is killed and restarted on it at once: below the kernel's ephemeral range
 * (32768 and up), where a client's outgoing connection could otherwise take it between the kill and
 * the restart.
 */
export async function restartablePort(): Promise<string> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (free) return String(port);
  }
}
