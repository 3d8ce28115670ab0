// Why: a request's documents, one by one with their files, are read from the feed (the request row keeps only what the rule needs).
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { events } from "../../drizzle/schema";
import { afterDemoCleared } from "./feed";

export interface RequestDocument {
  document: string;
  fileId: string | null;
  testedAt: string | null;
  addedAt: string;
}

/** Every document added to these requests, oldest first, by request id. */
export async function readRequestDocuments(db: Db, community: string, requestIds: string[]): Promise<Map<string, RequestDocument[]>> {
  const out = new Map<string, RequestDocument[]>();
  if (requestIds.length === 0) return out;
  // Written as the partial index events_request_history declares it.
  const requestId = sql<string>`("payload" ->> 'requestId')`;
  const rows = await db
    .select({ requestId, payload: events.payload, occurredAt: events.occurredAt })
    .from(events)
    .where(
      and(
        eq(events.community, community),
        sql`${requestId} = any(${sql.param(requestIds)}::text[])`,
        eq(events.type, "request.document_added"),
        afterDemoCleared(community),
      ),
    )
    .orderBy(asc(events.seq));
  for (const r of rows) {
    const p = r.payload as { document: string; fileId?: string; testedAt?: string };
    const list = out.get(r.requestId) ?? [];
    list.push({ document: p.document, fileId: p.fileId ?? null, testedAt: p.testedAt ?? null, addedAt: r.occurredAt.toISOString() });
    out.set(r.requestId, list);
  }
  return out;
}
