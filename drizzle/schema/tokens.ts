import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Access tokens, stored as sha256 of the secret; the secret itself is never kept. */
export const tokens = pgTable("tokens", {
  id: text("id").primaryKey(),
  hash: text("hash").notNull().unique(),
  role: text("role").notNull(),
  label: text("label").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
