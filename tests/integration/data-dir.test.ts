// Why: the embedded database holds residents' names and phones and the session secret: no other account on the laptop may read or write it.
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE } from "../support/db";
import { freePort, spawnServer } from "../support/spawn";

/** Starting a server on a loaded two-core machine can take most of a minute. */
const START_MS = 240_000;
const dirs: string[] = [];

/** Every path under `root` (root included) whose mode is not owner-only: directories 700, files 600. */
function open(root: string): string[] {
  const bad: string[] = [];
  const visit = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) bad.push(`${(st.mode & 0o777).toString(8)} ${path.relative(root, p) || "."}`);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return bad;
}

/** Opens every path under `root` to everyone, as a careless copy or an old version would have left it. */
function loosen(root: string): number {
  let n = 0;
  const visit = (p: string) => {
    const st = lstatSync(p);
    chmodSync(p, st.isDirectory() ? 0o777 : 0o666);
    n++;
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return n;
}

// The embedded database is the same in both runs of the suite.
describe.skipIf(ENGINE !== "pglite")("FILEMODE: DATA_DIR is its owner's only", () => {
  const umask = process.umask();
  afterAll(() => {
    process.umask(umask);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(
    "FILEMODE1 started under umask 022 on a new DATA_DIR, every directory is 700 and every file 600, the database and the start links included; FILEMODE2 a loosened one is repaired at start and the log says so",
    async () => {
      const parent = mkdtempSync(path.join(tmpdir(), "cordon-modes-"));
      dirs.push(parent);
      const dir = path.join(parent, "data");
      // The server is spawned with the umask most machines have: group and others may read what it makes.
      process.umask(0o022);
      const env = { PORT: freePort(), HOST: "127.0.0.1", DATA_DIR: dir, UI: "0", DEMO: "0", LOG_LEVEL: "warn" };
      let server = await spawnServer(env, START_MS);
      expect(lstatSync(dir).mode & 0o777).toBe(0o700);
      expect(lstatSync(path.join(dir, "pglite")).mode & 0o777).toBe(0o700);
      expect(lstatSync(path.join(dir, "start-links.json")).mode & 0o777).toBe(0o600);
      expect(open(dir)).toEqual([]);
      expect(server.output()).not.toMatch(/repaired/);
      await server.stop();
      expect(open(dir)).toEqual([]);

      // An existing DATA_DIR left open to everyone: repaired at the next start, with a line in the log.
      expect(loosen(dir)).toBeGreaterThan(100);
      server = await spawnServer(env, START_MS);
      expect(open(dir)).toEqual([]);
      expect(server.output()).toMatch(/DATA_DIR was open to other accounts on this machine: repaired, now owner-only/);
      await server.stop();
    },
    3 * START_MS,
  );
});
