import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/** One row: the last seq handed out. Updated under a row lock inside each append transaction. */
export const feedClock = pgTable("feed_clock", {
  id: smallint("id").primaryKey(),
  last: bigint("last", { mode: "number" }).notNull(),
});

/** The feed: every change to the compound, in commit order, gap-free. */
export const events = pgTable(
  "events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    id: text("id").notNull().unique(),
    type: text("type").notNull(),
    community: text("community").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    payload: jsonb("payload").notNull(),
    fingerprint: text("fingerprint").notNull(),
  },
  (t) => [
    index("events_type_occurred").on(t.type, t.occurredAt),
    // An entity's history (GET /api/history): one partial index per id a payload may name, in feed order.
    // fileId (v1.2): which requests name a file, for who may read it.
    ...(["requestId", "householdId", "buildingId", "volunteerId", "fileId"] as const).map((key) => {
      const value = sql`(${sql.raw(`"payload" ->> '${key}'`)})`;
      return index(`events_${key.replace("Id", "")}_history`)
        .on(t.community, value, t.seq)
        .where(sql`${value} is not null`);
    }),
  ],
);

/** Small server-wide settings (the session secret). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
