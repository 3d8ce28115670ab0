import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../../drizzle/client";
import { makeDataDir } from "../data-dir";
import { mintToken, revokeSecret, type TokenResolver } from "./tokens";

const Saved = z.object({ secretary: z.string().optional(), display: z.string().optional() });

/**
 * The tokens behind the sign-in links printed at start-up. Only hashes live in the database,
 * so the two secrets are kept in a private file under DATA_DIR to print the same links again.
 */
export async function startLinkTokens(
  db: Db,
  resolver: TokenResolver,
  dataDir: string,
  adminToken: string | undefined,
): Promise<{ secretary: string; display: string }> {
  const file = path.resolve(dataDir, "start-links.json");
  let saved: z.infer<typeof Saved> = {};
  try {
    saved = Saved.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    saved = {};
  }
  const reuse = async (t: string | undefined, role: string) => (t && (await resolver.resolve(t))?.role === role ? t : undefined);
  // ADMIN_TOKEN replaces a secretary link minted before it was set: that old link stops working.
  if (adminToken && saved.secretary && saved.secretary !== adminToken) await revokeSecret(db, saved.secretary);
  const keep = {
    // ADMIN_TOKEN is never written down: it lives in the environment already.
    secretary: adminToken
      ? undefined
      : ((await reuse(saved.secretary, "secretary")) ?? (await mintToken(db, "secretary", "start-up link: secretary")).token),
    display: (await reuse(saved.display, "display")) ?? (await mintToken(db, "display", "start-up link: wall display")).token,
  };
  // With DATABASE_URL nothing else creates DATA_DIR.
  makeDataDir(dataDir);
  writeFileSync(file, JSON.stringify(keep), { mode: 0o600 });
  // `mode` applies only to a new file: one written before under a looser umask is made private too.
  chmodSync(file, 0o600);
  return { secretary: adminToken ?? keep.secretary ?? "", display: keep.display };
}
