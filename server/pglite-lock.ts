import { createHash } from "node:crypto";
import { realpathSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeDataDir } from "./data-dir";

/**
 * PGlite is one process's private database: a second server on the same DATA_DIR would
 * corrupt it. The lock is a listening Unix socket named after the directory: the kernel
 * closes it the moment its owner dies (kill -9 included, before the process is reaped), so a
 * supervisor's immediate restart always gets it, while a live owner always keeps it.
 * On Linux the socket lives in the abstract namespace (no file); elsewhere it is a file in
 * the temporary directory, and a file nobody answers on is a dead owner's and is replaced.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  makeDataDir(dataDir);
  const key = createHash("sha256").update(realpathSync(dataDir)).digest("hex").slice(0, 32);
  const abstract = process.platform === "linux";
  const address = abstract ? `\0cordon-data-dir-${key}` : path.join(tmpdir(), `cordon-${key}.lock`);
  // Servers before this lock wrote a pid file; it means nothing now.
  rmSync(path.resolve(dataDir, "server.pid"), { force: true });

  const inUse = () =>
    new Error(`DATA_DIR ${dataDir} is in use by another Cordon server; stop it, or give this server another DATA_DIR or a DATABASE_URL`);
  let server: Server;
  try {
    server = await listen(address);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    if (abstract || (await answers(address))) throw inUse();
    rmSync(address, { force: true });
    server = await listen(address).catch((e: NodeJS.ErrnoException) => {
      throw e.code === "EADDRINUSE" ? inUse() : e;
    });
  }
  server.unref();
  return () => {
    server.close();
    if (!abstract) rmSync(address, { force: true });
  };
}

function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen(address, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(address);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
