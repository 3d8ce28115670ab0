import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const buildings = pgTable(
  "buildings",
  {
    community: text("community").notNull(),
    buildingId: text("building_id").notNull(),
    label: text("label").notNull(),
    sealed: boolean("sealed").notNull().default(false),
    sealedReason: text("sealed_reason"),
    sealedAt: timestamp("sealed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.community, t.buildingId] })],
);

export const households = pgTable(
  "households",
  {
    community: text("community").notNull(),
    householdId: text("household_id").notNull(),
    buildingId: text("building_id").notNull(),
    unit: text("unit").notNull(),
    residents: integer("residents").notNull(),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    /** v1.2: further phones from the contact's cell ("138… / 139…"): the first is `contactPhone`, the rest here. */
    contactOtherPhones: jsonb("contact_other_phones").$type<string[]>(),
    /** null: lived in; `vacant` or `moved_out` (household.vacated): off the door-knocking list and out of the counts. */
    status: text("status"),
  },
  (t) => [primaryKey({ columns: [t.community, t.householdId] })],
);

export const volunteers = pgTable(
  "volunteers",
  {
    community: text("community").notNull(),
    volunteerId: text("volunteer_id").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    skills: jsonb("skills").$type<string[]>().notNull(),
    /** v1.2: the building the volunteer lives in, as the list names it (所住楼号): with the name, how a re-import knows them. */
    building: text("building"),
    onDuty: boolean("on_duty").notNull().default(false),
    post: text("post"),
    since: timestamp("since", { withTimezone: true }),
    /** Who recorded the check-in (the feed's actor): they may undo it for a few minutes. */
    checkedInBy: text("checked_in_by"),
    /** volunteer.retired or volunteer.merged: off the lists and the counts, kept for the history. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    mergedInto: text("merged_into"),
  },
  (t) => [primaryKey({ columns: [t.community, t.volunteerId] })],
);
