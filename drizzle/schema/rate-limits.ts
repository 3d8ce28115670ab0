import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Counters of the door limits (failed sign-ins per address), shared by every node through the database. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});
