// Why: the embedded database holds residents' names and phones and the session secret: DATA_DIR is its owner's only.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/** Creates DATA_DIR (and missing parents) for the owner only. */
export function makeDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
}

/**
 * Makes DATA_DIR and everything under it owner-only (directories 700, files 600), whatever made them
 * (PGlite writes its files 644 or 666 under any umask). Symbolic links are neither followed nor changed.
 * Answers the paths that were open to other accounts and are not now.
 */
export function ownerOnly(dataDir: string): string[] {
  const repaired: string[] = [];
  const visit = (p: string) => {
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(p);
    } catch {
      return; // gone meanwhile (PGlite removes temporary files)
    }
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((st.mode & 0o777) !== want) {
      try {
        chmodSync(p, want);
        if (st.mode & 0o077) repaired.push(p);
      } catch {
        // Not ours to change (another owner): left as it is.
      }
    }
    if (!st.isDirectory()) return;
    let names: string[] = [];
    try {
      names = readdirSync(p);
    } catch {
      return;
    }
    for (const name of names) visit(path.join(p, name));
  };
  visit(dataDir);
  return repaired;
}
