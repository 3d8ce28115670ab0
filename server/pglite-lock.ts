import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's private database: a second server on the same DATA_DIR would
 * corrupt it. The lock file names the owner; a dead owner's lock (after kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, "server.pid");
  let owner = 0;
  try {
    owner = Number(readFileSync(file, "utf8").trim());
  } catch {
    owner = 0;
  }
  if (owner && owner !== process.pid && alive(owner))
    throw new Error(`DATA_DIR ${dataDir} is in use by process ${owner}; stop it, or give this server another DATA_DIR or a DATABASE_URL`);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
