import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Access tokens, stored as sha256 of the secret; the secret itself is never kept. */
export const tokens = pgTable(
  "tokens",
  {
    id: text("id").primaryKey(),
    hash: text("hash").notNull().unique(),
    role: text("role").notNull(),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** A volunteer's own token: what it posts is recorded as this volunteer, who checks only themself in and out. */
    volunteerId: text("volunteer_id"),
    /** The compound the token belongs to (v1.2): any other is refused with 403. */
    community: text("community").notNull().default("default"),
    /** The operator (ADMIN_TOKEN): a secretary of every compound, who alone mints tokens for any of them. */
    operator: boolean("operator").notNull().default(false),
    /** A street office's token: the compounds it reads. */
    communities: jsonb("communities").$type<string[]>(),
    /** When the token last signed in or made a request, written at most once a minute per token and node. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  },
  // Every node polls for revocations since its last look, to disconnect their sockets.
  (t) => [index("tokens_revoked").on(t.revokedAt), index("tokens_community").on(t.community)],
);
