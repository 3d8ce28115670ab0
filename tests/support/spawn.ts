import { type ChildProcess, spawn } from "node:child_process";
import { waitFor } from "./wait";

export interface Spawned {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the real server as its own process (`tsx server/index.ts`, after `nodeArgs`) and waits for /api/health (150 s: a loaded shared host was seen taking 50 s). */
export async function spawnServer(env: Record<string, string>, timeoutMs = 150_000, nodeArgs: string[] = []): Promise<Spawned> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${env.PORT}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const died = exited.then(() => {
      throw new Error(`server exited (${child.exitCode}):\n${out}`);
    });
    const healthy = waitFor(
      async () => child.exitCode === null && (await fetch(`${url}/api/health`)).status === 200,
      "the server to answer /api/health",
      timeoutMs,
      100,
    );
    await Promise.race([healthy, died]);
    died.catch(() => {});
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return {
    child,
    url,
    output: () => out,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

// Below Linux's ephemeral range (32768 and up), so a server restarted at once gets its port back.
let nextPort = 20_000 + (process.pid % 600) * 20;
/** A port for a spawned server, distinct per test process. */
export const freePort = () => String(nextPort++);
