import { z } from "zod";
import { DOCUMENT_KINDS, REQUEST_KINDS, ROUND_KINDS, TEST_RESULTS } from "./vocabularies";

/** Caller-chosen ids: 1–64 letters, digits, `-`, `_`, `.`. */
export const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 characters of letters, digits, '-', '_' or '.'");
const Text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const Phone = z.string().regex(/^\+?[0-9][0-9 ()-]{2,31}$/, "must be a phone number of digits, spaces, '-', '(', ')'");
const Post = z
  .string()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,31}$/u,
    "must be a short name of letters, digits, spaces, '-' or '_', such as testing, gate or 门岗",
  );
/** A registered post's id: a subset of both `Id` and `Post`, so the id itself may be typed where a post is asked for. */
const PostId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, "must be 1–32 letters, digits, '-' or '_', starting with a letter or digit, such as gate");
/** A post's name in one language: trimmed, and shaped like `Post` so a volunteer may type it. */
const PostName = z.string().trim().pipe(Post);
/** The earliest instant an event may carry: nothing this board records happened before it. */
export const EARLIEST = "2000-01-01T00:00:00Z";
const Instant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone, e.g. 2026-04-05T09:12:00+08:00" })
  .refine((v) => Date.parse(v) >= Date.parse(EARLIEST), "must be in the year 2000 or later; check the date");

const obj = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

const Household = obj({
  householdId: Id,
  buildingId: Id,
  unit: z.union([Text(32), z.number().int().min(0).transform(String)]),
  /** v1.2: 0 is a vacant flat (空置): registered, but not a household to test. */
  residents: z.number().int().min(0).max(50),
  /** v1.2: a name, a phone or both; `otherPhones` are further numbers from the same cell (the first phone is the contact's). */
  contact: obj({ name: Text(100).optional(), phone: Phone.optional(), otherPhones: z.array(Phone).min(1).max(3).optional() })
    .refine((c) => c.name !== undefined || c.phone !== undefined, "must have a name or a phone")
    .optional(),
});
const Volunteer = obj({
  volunteerId: Id,
  name: Text(100),
  phone: Phone.optional(),
  skills: z.array(Text(40)).max(20).default([]),
  /** v1.2: the building they live in, as their list names it (所住楼号). */
  building: Text(100).optional(),
});

/** Every event type and its payload, as in the contract (section 3). */
export const PAYLOADS = {
  "building.registered": obj({ buildingId: Id, label: Text(100) }),
  "household.registered": Household,
  /** A registered household as it is now (secretary; e.g. a changed row of an imported registry): replaces unit, residents and contact. */
  "household.updated": Household,
  "volunteer.registered": Volunteer,
  /** A registered volunteer as they are now (secretary): replaces name, phone and skills; duty is untouched. */
  "volunteer.updated": Volunteer,
  "round.opened": obj({ roundId: Id, kind: z.enum(ROUND_KINDS), label: Text(100).optional() }),
  "round.closed": obj({ roundId: Id }),
  "household.tested": obj({ roundId: Id, householdId: Id, residentsTested: z.number().int().min(0).max(50).optional() }),
  "test.result": obj({ roundId: Id, householdId: Id, result: z.enum(TEST_RESULTS) }),
  "building.sealed": obj({ buildingId: Id, reason: Text(500).optional() }),
  "building.unsealed": obj({ buildingId: Id }),
  "volunteer.checked_in": obj({
    volunteerId: Id,
    post: Post,
  }),
  "volunteer.checked_out": obj({ volunteerId: Id }),
  "request.opened": obj({
    requestId: Id,
    householdId: Id,
    kind: z.enum(REQUEST_KINDS),
    urgent: z.boolean().optional(),
    note: Text(2000).optional(),
    person: Text(100).optional(),
  }),
  "request.document_added": z.discriminatedUnion("document", [
    // fileId (v1.2): the photo or PDF of the document, uploaded first through POST /api/files.
    obj({ requestId: Id, document: z.literal(DOCUMENT_KINDS[0]), fileId: Id.optional() }),
    obj({ requestId: Id, document: z.literal(DOCUMENT_KINDS[1]), testedAt: Instant, fileId: Id.optional() }),
  ]),
  "request.approved": obj({
    requestId: Id,
    note: Text(2000).optional(),
    override: obj({ reason: Text(2000) }).optional(),
    /** A leave or medical pass shorter than the defaults (v1.2, section 8): until when it lets its holder out, how long a trip may last. */
    pass: obj({ until: Instant.optional(), tripHours: z.number().positive().max(720).nullable().optional() }).optional(),
  }),
  "request.rejected": obj({ requestId: Id, reason: Text(2000) }),
  "request.fulfilled": obj({ requestId: Id }),
  "request.cancelled": obj({ requestId: Id }),
  /** The pass's holder went out through the gate (v1.2, section 8): 409 no_pass, pass_expired or already_out. */
  "gate.out": obj({ requestId: Id }),
  /** The pass's holder came back in: 409 not_out; never refused for a late hour. */
  "gate.in": obj({ requestId: Id }),
  /** Takes an alarm off the wall: by the alert's id (its seq) or by the urgent request it is about. */
  "alert.acknowledged": z.union([obj({ alertId: z.number().int().min(1) }), obj({ requestId: Id })]),
  /** The fewest volunteers a post should have on duty; 0 turns the alarm for that post off. */
  "post.minimum_set": obj({ post: Post, minimum: z.number().int().min(0).max(1000) }),
  /**
   * Registers one of the compound's posts with its Chinese and English names (secretary): 409 when the id, or a name,
   * is already another post's. `post` in check-ins and minimums is then resolved to this id from the id or either name.
   */
  "post.registered": obj({ post: PostId, nameZh: PostName, nameEn: PostName }),
  /**
   * v1.2: how the compound's registry files name their columns (secretary): each header, as the file names it, read as
   * a field or `ignore`. Remembered for the next file of that kind.
   */
  "registry.mapping_set": obj({
    kind: z.enum(["households", "volunteers"]),
    columns: z
      .record(z.string().trim().min(1).max(100), z.string().regex(/^[a-z]{1,20}$/))
      .refine((m) => Object.keys(m).length <= 100, "at most 100 columns"),
  }),
  // Corrections (README, "Corrections"): nothing leaves the feed; these events undo, merge, retire and vacate.
  /** Undoes a door-knock tap: the household is back on the list and out of householdsTested. */
  "household.test_undone": obj({ roundId: Id, householdId: Id, reason: Text(500).optional() }),
  /** Undoes a test result: the household is tested with no result; a positive's alarm is resolved. */
  "test.result_undone": obj({ roundId: Id, householdId: Id, reason: Text(500).optional() }),
  /** Undoes a check-in still on duty: the volunteer is off duty as if never checked in. */
  "volunteer.checkin_undone": obj({ volunteerId: Id, reason: Text(500).optional() }),
  /** The secretary retires one volunteer into another (a duplicate): the retired one's duty passes on. */
  "volunteer.merged": obj({ volunteerId: Id, intoVolunteerId: Id, reason: Text(500).optional() }),
  /** The secretary retires a volunteer: off the lists and the counts, checked out if on duty. */
  "volunteer.retired": obj({ volunteerId: Id, reason: Text(500).optional() }),
  /** A household that is vacant or has moved out: off the door-knocking list and out of householdsTotal. */
  "household.vacated": obj({ householdId: Id, status: z.enum(["vacant", "moved_out"]), reason: Text(500).optional() }),
  /** A vacated household lived in again. */
  "household.reoccupied": obj({ householdId: Id }),
  /** The compound's name as people read it (contract section 9). */
  "community.named": obj({ name: Text(100) }),
  /** Marks the community as holding demo data: every screen then says so. */
  "demo.loaded": obj({}),
  /**
   * Clears the demo from the community (secretary): its registry, rounds, requests, alarms, charts and minimums go,
   * its counts return to zero and volunteers' links bound to its people are revoked; the posts' names stay.
   * The demo's events stay in the feed. 409 when the community holds no demo data.
   */
  "demo.cleared": obj({}),
} as const;

export type EventType = keyof typeof PAYLOADS;
export const EVENT_TYPES = Object.keys(PAYLOADS) as EventType[];
export type Payload<T extends EventType> = z.infer<(typeof PAYLOADS)[T]>;

const envelope = {
  id: Id.optional(),
  occurredAt: Instant.optional(),
  community: Id.optional(),
};

/** One event as posted: a discriminated union keyed by `type`. */
export const EventInput = z.discriminatedUnion(
  "type",
  EVENT_TYPES.map((type) => z.strictObject({ type: z.literal(type), ...envelope, payload: PAYLOADS[type] })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<EventType> }>,
  ],
);

export type EventInput = {
  [T in EventType]: { type: T; id?: string; occurredAt?: string; community?: string; payload: Payload<T> };
}[EventType];

export const MAX_BATCH = 1000;

/** The batch form of POST /api/events: `{events:[…]}`. */
export const BatchBody = z.strictObject({
  events: z
    .array(z.unknown())
    .min(1, "must hold at least one event")
    .max(MAX_BATCH, `at most ${MAX_BATCH.toLocaleString("en")} events a batch`),
});

/** A stored event as the feed returns it. */
export interface FeedEvent {
  seq: number;
  id: string;
  type: EventType;
  community: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  payload: Record<string, unknown>;
}
