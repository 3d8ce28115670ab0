// Why: documents (photos of a letter, a test report) live in the database, so a backup of it is a backup of the evidence.
import { customType, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Raw bytes: `bytea` on both engines (drizzle 0.45 has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v),
});

/** One stored file: a picture re-encoded upright without metadata (with its thumbnail), or a PDF as sent. */
export const files = pgTable(
  "files",
  {
    /** A hash of the community and the bytes as sent: the same bytes again are the same file. */
    fileId: text("file_id").primaryKey(),
    community: text("community").notNull(),
    contentType: text("content_type").notNull(),
    data: bytea("data").notNull(),
    /** At most 320 px on its longest side; null for a PDF. */
    thumb: bytea("thumb"),
    bytes: integer("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_community").on(t.community, t.createdAt)],
);

/** Who uploaded a file (each token once): they may read it back; a resident's uploads count against its household's limit. */
export const fileUploads = pgTable(
  "file_uploads",
  {
    fileId: text("file_id").notNull(),
    tokenId: text("token_id").notNull(),
    householdId: text("household_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.tokenId] }), index("file_uploads_household").on(t.householdId, t.createdAt)],
);
