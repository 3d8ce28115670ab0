import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const rounds = pgTable(
  "rounds",
  {
    community: text("community").notNull(),
    roundId: text("round_id").notNull(),
    kind: text("kind").notNull(),
    label: text("label"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    testedCount: integer("tested_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.community, t.roundId] })],
);

/** One row per household and round: the first household.tested counts, results update it. */
export const roundTests = pgTable(
  "round_tests",
  {
    community: text("community").notNull(),
    roundId: text("round_id").notNull(),
    householdId: text("household_id").notNull(),
    testedAt: timestamp("tested_at", { withTimezone: true }),
    residentsTested: integer("residents_tested"),
    result: text("result"),
    /** Who recorded the tap and the result (the feed's actor), and when the result was given: for undoing them. */
    testedBy: text("tested_by"),
    resultBy: text("result_by"),
    resultAt: timestamp("result_at", { withTimezone: true }),
    /** Set while the household is marked vacant or moved out in this (open) round: the tap stays but is not counted as tested. */
    setAsideAt: timestamp("set_aside_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.community, t.roundId, t.householdId] })],
);

export const requests = pgTable(
  "requests",
  {
    community: text("community").notNull(),
    requestId: text("request_id").notNull(),
    householdId: text("household_id").notNull(),
    kind: text("kind").notNull(),
    urgent: boolean("urgent").notNull().default(false),
    note: text("note"),
    person: text("person"),
    status: text("status").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    hasCommitmentLetter: boolean("has_commitment_letter").notNull().default(false),
    testReportAt: timestamp("test_report_at", { withTimezone: true }),
    /** occurredAt of the last document added: an approval may not be dated before it. */
    lastDocumentAt: timestamp("last_document_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    overrideReason: text("override_reason"),
    releaseBasis: text("release_basis"),
    /** The pass an approved leave or medical request carries (contract section 8): its number is the approval's seq. */
    passSeq: bigint("pass_seq", { mode: "number" }),
    /** The last moment the pass lets its holder out. */
    passUntil: timestamp("pass_until", { withTimezone: true }),
    /** Hours a trip may last before its holder is overdue; null: never overdue. */
    passTripHours: doublePrecision("pass_trip_hours"),
    /** When the holder went out through the gate on the trip under way; null while inside. */
    passOutAt: timestamp("pass_out_at", { withTimezone: true }),
    /** When the holder outside must be back (null: no limit, or inside). */
    passReturnBy: timestamp("pass_return_by", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.community, t.requestId] }),
    index("requests_pending").on(t.community, t.openedAt).where(sql`status = 'pending'`),
    // Who is outside now, and who of them is overdue: read on every snapshot.
    index("requests_outside").on(t.community, t.passReturnBy).where(sql`pass_out_at is not null`),
    uniqueIndex("requests_pass_seq").on(t.passSeq),
  ],
);

/** Alarms: a positive result or an urgent request; open until resolved (request decided) or acknowledged. */
export const alerts = pgTable(
  "alerts",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    community: text("community").notNull(),
    kind: text("kind").notNull(),
    buildingId: text("building_id"),
    householdId: text("household_id"),
    requestId: text("request_id"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
  },
  (t) => [
    index("alerts_open").on(t.community, t.seq).where(sql`resolved_at is null and acknowledged_at is null`),
    index("alerts_request").on(t.community, t.requestId),
  ],
);
