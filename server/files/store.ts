// Why: the files' store on the database handle (both engines): saved once per community and bytes, read back by who may see them.
import { createHash } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { files, fileUploads } from "../../drizzle/schema";
import { mayReach } from "../auth/scope";
import type { Principal } from "../auth/tokens";
import { anyOf } from "../ingest/state";
import type { Prepared } from "./inspect";

/** The same bytes in the same community are the same file, whoever sends them. */
export const fileIdOf = (community: string, bytes: Uint8Array) =>
  createHash("sha256").update(community).update("\u0000").update(bytes).digest("base64url").slice(0, 32);

export type StoredFile = typeof files.$inferSelect;

/** The file with this id, if it exists (without its bytes). */
export async function fileInfo(db: Db, fileId: string) {
  const [row] = await db
    .select({ fileId: files.fileId, community: files.community, contentType: files.contentType, bytes: files.bytes })
    .from(files)
    .where(eq(files.fileId, fileId));
  return row ?? null;
}

/** Stores a prepared file (once; `null`: already stored) and notes its uploader; `created` is false when the same bytes were there already. */
export async function saveFile(
  db: Db,
  f: { fileId: string; community: string; prepared: Prepared | null; tokenId: string; householdId: string | null },
): Promise<{ created: boolean }> {
  const inserted = !f.prepared
    ? []
    : await db
        .insert(files)
        .values({
          fileId: f.fileId,
          community: f.community,
          contentType: f.prepared.contentType,
          data: f.prepared.data,
          thumb: f.prepared.thumb,
          bytes: f.prepared.data.length,
        })
        .onConflictDoNothing({ target: files.fileId })
        .returning({ fileId: files.fileId });
  await db
    .insert(fileUploads)
    .values({ fileId: f.fileId, tokenId: f.tokenId, householdId: f.householdId })
    .onConflictDoNothing({ target: [fileUploads.fileId, fileUploads.tokenId] });
  return { created: inserted.length > 0 };
}

/** The stored bytes: the picture (or PDF), or the thumbnail. */
export async function fileBytes(db: Db, fileId: string, thumb: boolean): Promise<Buffer | null> {
  const [row] = await db
    .select({ data: thumb ? sql<Buffer>`coalesce(${files.thumb}, ${files.data})` : files.data })
    .from(files)
    .where(eq(files.fileId, fileId));
  return row ? Buffer.from(row.data) : null;
}

/** Files a household's tokens uploaded since `since`: what its upload limit counts. */
export async function householdUploadsSince(db: Db, householdId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fileUploads)
    .where(and(eq(fileUploads.householdId, householdId), gt(fileUploads.createdAt, since)));
  return row?.n ?? 0;
}

/** The ids among `ids` that are not files of `community`. */
export async function unknownFiles(db: Db, community: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ fileId: files.fileId })
    .from(files)
    .where(and(eq(files.community, community), anyOf(files.fileId, ids)));
  const known = new Set(rows.map((r) => r.fileId));
  return ids.filter((id) => !known.has(id));
}

/**
 * Whether `p` may read a file of `community`: the secretary of its community, whoever uploaded it, and the resident of
 * a household whose request names it (a `request.document_added` with its fileId).
 */
export async function mayReadFile(db: Db, p: Principal, file: { fileId: string; community: string }): Promise<boolean> {
  if (!mayReach(p, file.community)) return false;
  if (p.role === "secretary") return true;
  const [mine] = await db
    .select({ one: sql<number>`1` })
    .from(fileUploads)
    .where(and(eq(fileUploads.fileId, file.fileId), eq(fileUploads.tokenId, p.tokenId)));
  if (mine) return true;
  if (!p.resident) return false;
  // Written as the partial index events_file_history declares it, so the planner uses it.
  const rows = await db.execute<{ one: number }>(sql`
    select 1 as one from events e
    join requests r on r.community = e.community and r.request_id = (e.payload ->> 'requestId')
    where e.community = ${file.community} and ("payload" ->> 'fileId') = ${file.fileId}
      and e.type = 'request.document_added' and r.household_id = ${p.resident.householdId}
    limit 1`);
  return rowsOf(rows).length > 0;
}

/** postgres.js answers an array, PGlite an object with `rows`. */
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows?: T[] }).rows ?? []));
