import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Activity per community and 15-minute bucket (by occurredAt), kept in the append transaction:
 * tests counted, and the net change of volunteers on duty and of pending requests. The wall's
 * charts read at most a day of rows, whatever the size of the feed.
 */
export const activityBuckets = pgTable(
  "activity_buckets",
  {
    community: text("community").notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    tests: integer("tests").notNull().default(0),
    onDutyDelta: integer("on_duty_delta").notNull().default(0),
    pendingDelta: integer("pending_delta").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.community, t.bucketStart] })],
);

/** The fewest volunteers a post should have on duty, as the secretary set it (`post.minimum_set`). */
export const postMinimums = pgTable(
  "post_minimums",
  {
    community: text("community").notNull(),
    post: text("post").notNull(),
    minimum: integer("minimum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.community, t.post] })],
);
