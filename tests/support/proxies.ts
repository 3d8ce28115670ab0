// Real HAProxy and nginx in front of Cordon nodes, started in the foreground by a test, configured in a temp dir.
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitFor } from "./wait";

const SEARCH = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/sbin", "/usr/local/sbin"];

/** The full path of an executable on PATH or in the sbin directories, or null. */
export function findBinary(name: string): string | null {
  for (const dir of SEARCH) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return null;
}

/** Whether these programs are installed; in CI their absence fails the run instead of skipping. */
export function binariesAvailable(names: string[]): boolean {
  const missing = names.filter((n) => !findBinary(n));
  if (missing.length === 0) return true;
  const message = `the load-balancer tests need ${missing.join(" and ")} (apt-get install ${missing.join(" ")})`;
  if (process.env.CI === "true") throw new Error(`CI: ${message}`);
  console.warn(`SKIPPED: ${message}`);
  return false;
}

/** `n` distinct ports that were free on 127.0.0.1 a moment ago (the OS picks them, all held at once). */
export async function loopbackPorts(n: number): Promise<number[]> {
  const servers = Array.from({ length: n }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (s) =>
        new Promise<number>((resolve, reject) => {
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => resolve((s.address() as { port: number }).port));
        }),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export interface Balancer {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `bin args` in the foreground and waits until `url/api/health` answers 200 through it. */
async function runProxy(bin: string, args: string[], url: string, dir: string): Promise<Balancer> {
  const child: ChildProcess = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${path.basename(bin)} exited (${child.exitCode}):\n${out}`);
        return (await fetch(`${url}/api/health`)).status === 200;
      },
      `${path.basename(bin)} to answer /api/health`,
      60_000,
      100,
    );
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${out}`);
  }
  return { url, output: () => out, stop };
}

/**
 * HAProxy on 127.0.0.1:`port` balancing `nodes` round robin, with sticky sessions by an inserted
 * cookie (`cordon_node`, its value the node's name), health checks on /api/health, redispatch
 * when a node is gone, and the client's address in X-Forwarded-For. `sticky: false` drops the cookie (plain round robin), to show what breaks.
 */
export async function startHaproxy(
  port: number,
  nodes: { name: string; port: number }[],
  opts: { sticky?: boolean } = {},
): Promise<Balancer> {
  const bin = findBinary("haproxy");
  if (!bin) throw new Error("haproxy is not installed");
  const dir = mkdtempSync(path.join(tmpdir(), "cordon-haproxy-"));
  const cfg = path.join(dir, "haproxy.cfg");
  writeFileSync(
    cfg,
    [
      "global",
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  option forwardfor",
      "  option redispatch 1",
      "  retries 2",
      "  timeout connect 2s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  timeout tunnel 1h",
      "  timeout http-keep-alive 5s",
      "frontend web",
      `  bind 127.0.0.1:${port}`,
      "  default_backend cordon",
      "backend cordon",
      "  balance roundrobin",
      ...(opts.sticky === false ? [] : ["  cookie cordon_node insert indirect nocache httponly"]),
      "  option httpchk",
      "  http-check send meth GET uri /api/health",
      "  http-check expect status 200",
      "  default-server inter 500ms fall 2 rise 2",
      ...nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.port} check${opts.sticky === false ? "" : ` cookie ${n.name}`}`),
      "",
    ].join("\n"),
  );
  return runProxy(bin, ["-f", cfg, "-db"], `http://127.0.0.1:${port}`, dir);
}

/**
 * nginx on 127.0.0.1:`port` in front of one node, with its default Host header (no
 * `proxy_set_header Host`: the node sees `127.0.0.1:<node port>`), the WebSocket upgrade passed on,
 * and the client's address in X-Forwarded-For.
 */
export async function startNginx(port: number, nodePort: number): Promise<Balancer> {
  const bin = findBinary("nginx");
  if (!bin) throw new Error("nginx is not installed");
  const dir = mkdtempSync(path.join(tmpdir(), "cordon-nginx-"));
  // Run as root, nginx's workers become `nobody`: they must reach the temp paths it chowns to them.
  chmodSync(dir, 0o755);
  for (const d of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, d));
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    [
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${dir}/client_body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      "  server {",
      `    listen 127.0.0.1:${port};`,
      "    location / {",
      `      proxy_pass http://127.0.0.1:${nodePort};`,
      "      proxy_http_version 1.1;",
      "      proxy_set_header Upgrade $http_upgrade;",
      '      proxy_set_header Connection "upgrade";',
      "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "      proxy_read_timeout 1h;",
      "    }",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return runProxy(bin, ["-p", dir, "-c", conf, "-e", `${dir}/error.log`, "-g", "daemon off;"], `http://127.0.0.1:${port}`, dir);
}
