// Why: fast-check generators of well-formed operations on a small compound, for the model-based concurrency properties.
import fc from "fast-check";
import type { Ev } from "./ops-model";

/** Dated an hour before the test run: inside the release rule's 48 hours for the whole run, and never in the future. */
export const REPORT_AT = new Date(Date.now() - 3_600_000).toISOString();

/** The compound every run starts from: 2 buildings, 4 households, 3 volunteers, round r1 open, a leave and an urgent medical request. */
export function compound(): Ev[] {
  const e = (type: string, payload: Record<string, unknown>): Ev => ({ type, payload });
  return [
    e("building.registered", { buildingId: "b1", label: "Building 1" }),
    e("building.registered", { buildingId: "b2", label: "Building 2" }),
    ...["h1", "h2", "h3", "h4"].map((h, i) =>
      e("household.registered", { householdId: h, buildingId: i < 2 ? "b1" : "b2", unit: `${101 + i}`, residents: 2 }),
    ),
    ...["v1", "v2", "v3"].map((v) => e("volunteer.registered", { volunteerId: v, name: `Volunteer ${v}`, skills: [] })),
    e("round.opened", { roundId: "r1", kind: "pcr" }),
    e("request.opened", { requestId: "q1", householdId: "h1", kind: "leave" }),
    e("request.opened", { requestId: "q2", householdId: "h2", kind: "medical", urgent: true }),
  ];
}

// Registration pools overlap the compound (so "registered once" is exercised); references mostly name live ids, sometimes
// ids that may not exist yet or never will (`…z`), so both the 201 and the 409 paths are walked often.
const pick = (usual: string[], rare: string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const B = fc.constantFrom("b1", "b2", "b3");
const Bref = pick(["b1", "b2"], ["b3", "bz"]);
const H = fc.constantFrom("h1", "h2", "h3", "h4", "h5", "h6");
const Href = pick(["h1", "h2", "h3", "h4"], ["h5", "hz"]);
const V = fc.constantFrom("v1", "v2", "v3", "v4");
const Vref = pick(["v1", "v2", "v3"], ["v4", "vz"]);
const R = fc.constantFrom("r1", "r2", "r3", "r4");
const Rref = pick(["r1"], ["r2", "r3", "rz"]);
const Q = fc.constantFrom("q1", "q2", "q3", "q4", "q5");
const Qref = pick(["q1", "q2", "q3"], ["q4", "qz"]);
const post = fc.constantFrom("testing", "gate");

const ev = <T extends Record<string, unknown>>(type: string, payload: fc.Arbitrary<T>): fc.Arbitrary<Ev> =>
  payload.map((p) => ({ type, payload: Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Stands for the run's side community, which holds a demo to clear; the runner names it (`<community>-demo`). */
export const SIDE = "@side";
const clearSide: fc.Arbitrary<Ev> = fc.constant({ type: "demo.cleared", payload: {}, community: SIDE });

/** `alertAt` is an offset from the feed head at the start of the run; the runner turns it into an `alertId`. */
export const ALERT_AT = "alertAt";

/** One well-formed event: valid for the schema, but the state may refuse it (409). */
export const operation: fc.Arbitrary<Ev> = fc.oneof(
  { weight: 1, arbitrary: ev("building.registered", fc.record({ buildingId: B, label: fc.constant("Building") })) },
  {
    weight: 1,
    arbitrary: ev(
      "household.registered",
      fc.record({ householdId: H, buildingId: Bref, unit: fc.constant("9"), residents: fc.integer({ min: 0, max: 5 }) }),
    ),
  },
  // A flat found empty, or lived in again (0 residents: a vacant flat, not one to test).
  {
    weight: 1,
    arbitrary: ev(
      "household.updated",
      fc.record({ householdId: Href, buildingId: Bref, unit: fc.constant("9"), residents: fc.constantFrom(0, 0, 1, 3) }),
    ),
  },
  {
    weight: 1,
    arbitrary: ev("volunteer.registered", fc.record({ volunteerId: V, name: fc.constant("New volunteer"), skills: fc.constant([]) })),
  },
  { weight: 1, arbitrary: ev("round.opened", fc.record({ roundId: R, kind: fc.constantFrom("pcr", "antigen") })) },
  { weight: 1, arbitrary: ev("round.closed", fc.record({ roundId: Rref })) },
  { weight: 5, arbitrary: ev("household.tested", fc.record({ roundId: Rref, householdId: Href })) },
  {
    weight: 3,
    arbitrary: ev("test.result", fc.record({ roundId: Rref, householdId: Href, result: fc.constantFrom("negative", "positive") })),
  },
  {
    weight: 2,
    arbitrary: ev(
      "household.vacated",
      fc.record({ householdId: Href, status: fc.constantFrom("vacant", "moved_out"), reason: maybe(fc.constant("moved away")) }),
    ),
  },
  { weight: 2, arbitrary: ev("household.reoccupied", fc.record({ householdId: Href })) },
  { weight: 2, arbitrary: ev("building.sealed", fc.record({ buildingId: Bref, reason: maybe(fc.constant("a positive case")) })) },
  { weight: 2, arbitrary: ev("building.unsealed", fc.record({ buildingId: Bref })) },
  { weight: 4, arbitrary: ev("volunteer.checked_in", fc.record({ volunteerId: Vref, post })) },
  { weight: 4, arbitrary: ev("volunteer.checked_out", fc.record({ volunteerId: Vref })) },
  {
    weight: 3,
    arbitrary: ev(
      "request.opened",
      fc.record({ requestId: Q, householdId: Href, kind: fc.constantFrom("leave", "medical", "supplies"), urgent: maybe(fc.boolean()) }),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(
      ev("request.document_added", fc.record({ requestId: Qref, document: fc.constant("commitment_letter") })),
      ev("request.document_added", fc.record({ requestId: Qref, document: fc.constant("test_report"), testedAt: fc.constant(REPORT_AT) })),
    ),
  },
  {
    weight: 3,
    arbitrary: ev("request.approved", fc.record({ requestId: Qref, override: maybe(fc.constant({ reason: "the secretary says so" })) })),
  },
  { weight: 1, arbitrary: ev("request.rejected", fc.record({ requestId: Qref, reason: fc.constant("not now") })) },
  { weight: 2, arbitrary: ev("request.fulfilled", fc.record({ requestId: Qref })) },
  { weight: 1, arbitrary: ev("request.cancelled", fc.record({ requestId: Qref })) },
  { weight: 1, arbitrary: ev("alert.acknowledged", fc.record({ requestId: Qref })) },
  { weight: 1, arbitrary: ev("alert.acknowledged", fc.record({ [ALERT_AT]: fc.integer({ min: 1, max: 40 }) })) },
  { weight: 1, arbitrary: ev("post.minimum_set", fc.record({ post, minimum: fc.integer({ min: 0, max: 3 }) })) },
  { weight: 1, arbitrary: clearSide },
);

/** Events every client may post under one shared id (`<community>.s<n>`): concurrent posts of one id race for the same seq. */
export const SHARED: Ev[] = [
  { type: "volunteer.checked_in", payload: { volunteerId: "v1", post: "gate" } },
  { type: "household.tested", payload: { roundId: "r1", householdId: "h2" } },
  { type: "request.opened", payload: { requestId: "q5", householdId: "h3", kind: "supplies" } },
];

/** What one client does next: post an event (with or without an id), a batch, resend an earlier post, reuse an id for other content, or post a shared id. */
export type Step =
  | { kind: "one"; op: Ev; withId: boolean }
  | { kind: "batch"; ops: Ev[] }
  | { kind: "retry"; back: number }
  | { kind: "clash"; back: number; op: Ev }
  | { kind: "shared"; n: number };

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("one" as const), op: operation, withId: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("batch" as const), ops: fc.array(operation, { minLength: 2, maxLength: 3 }) }) },
  // A batch of the run's community that ends by clearing the side community's demo (issue 15, item 6).
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("batch" as const),
      ops: fc
        .array(operation, { minLength: 1, maxLength: 3 })
        .map((ops) => [...ops, { type: "demo.cleared", payload: {}, community: SIDE }]),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("retry" as const), back: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("clash" as const), back: fc.nat(5), op: operation }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shared" as const), n: fc.nat(SHARED.length - 1) }) },
);
