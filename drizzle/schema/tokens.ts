import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
    community: text("community"),
    /** A resident's token (v1.2): the one household it speaks for. */
    householdId: text("household_id"),
    /** When the token last signed in or made a request, written at most once a minute per token and node. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  },
  // Every node polls for revocations since its last look, to disconnect their sockets.
  (t) => [index("tokens_revoked").on(t.revokedAt), index("tokens_household").on(t.community, t.householdId)],
);
