// Why: the secretary's reading of a file's columns is remembered in the feed; the next file of that kind starts from it.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { events } from "../../drizzle/schema";
import type { ImportKind, Mapping } from "../domain/registry-import/types";

/** The columns of the community's latest `registry.mapping_set` for `kind` (one indexed read by type), or `{}`. */
export async function readImportMapping(db: Db, community: string, kind: ImportKind): Promise<Mapping> {
  const [row] = await db
    .select({ payload: events.payload })
    .from(events)
    .where(and(eq(events.type, "registry.mapping_set"), eq(events.community, community), sql`${events.payload} ->> 'kind' = ${kind}`))
    .orderBy(desc(events.seq))
    .limit(1);
  const columns = (row?.payload as { columns?: unknown } | undefined)?.columns;
  return columns && typeof columns === "object" ? (columns as Mapping) : {};
}
