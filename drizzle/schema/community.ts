import { bigint, boolean, integer, pgTable, text } from "drizzle-orm/pg-core";

/** The rollup behind /api/snapshot: one row per community, kept in the append transaction. */
export const communityState = pgTable("community_state", {
  community: text("community").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
  demo: boolean("demo").notNull().default(false),
  householdsTotal: integer("households_total").notNull().default(0),
  buildingsTotal: integer("buildings_total").notNull().default(0),
  buildingsSealed: integer("buildings_sealed").notNull().default(0),
  volunteersTotal: integer("volunteers_total").notNull().default(0),
  volunteersOnDuty: integer("volunteers_on_duty").notNull().default(0),
  pendingRequests: integer("pending_requests").notNull().default(0),
  urgentRequests: integer("urgent_requests").notNull().default(0),
  /** The open round, or the last one opened when none is open. */
  currentRoundId: text("current_round_id"),
  /** community.named: the compound's name as people read it (null until named). */
  name: text("name"),
});
