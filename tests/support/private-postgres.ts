// A PostgreSQL cluster of the test's own, to stop and start at will without touching the shared server on 5432.
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = "/usr/lib/postgresql";

export interface PrivatePostgres {
  port: number;
  /** The URL of database `name` on this cluster. */
  url(name?: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** The newest installed server binaries, or null. */
function binDir(): string | null {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(path.join(ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(ROOT, versions[0], "bin") : null;
}

/** Whether a private cluster can be made here; in CI its absence is a failure, not a skip. */
export function privatePostgresAvailable(): boolean {
  if (binDir()) return true;
  if (process.env.CI === "true") throw new Error(`CI needs PostgreSQL's server binaries under ${ROOT} (apt-get install postgresql)`);
  console.warn(`SKIPPED: no PostgreSQL server binaries under ${ROOT}; install Debian's postgresql to run this fault test`);
  return false;
}

async function freeTcpPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** initdb + start on a free port, as the `postgres` user when we are root (the server refuses to run as root). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  if (!bin) throw new Error(`no PostgreSQL server binaries under ${ROOT}`);
  const dir = mkdtempSync(path.join(tmpdir(), "cordon-pg-"));
  const root = process.getuid?.() === 0;
  if (root) {
    const ids = await run("id", ["-u", "postgres"]);
    const gid = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    root ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const data = path.join(dir, "data");
  await pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const port = await freeTcpPort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => pg("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "30", "start"]).then(() => {});
  await start();
  let running = true;
  return {
    port,
    url: (name = "postgres") => `postgres://postgres@127.0.0.1:${port}/${name}`,
    // Immediate: every backend dies at once, as in a crash; start-up then replays the WAL.
    async stop() {
      await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
