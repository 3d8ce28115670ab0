// Why: generators of values that are certainly wrong for a field of a given kind (by type, range or form), and of awkward strings.
import fc from "fast-check";
import type { Field } from "./fuzz-templates";

const ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** A lone UTF-16 surrogate: valid in a JS string and in JSON text (`\udxxx`), never valid Unicode. */
export const loneSurrogate = fc
  .oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff }))
  .map((c) => String.fromCharCode(c));

/** NUL or a lone surrogate: what PostgreSQL cannot store in text or jsonb. */
export const unstorable = fc.oneof(fc.constant("\u0000"), loneSurrogate);

const oddChar = fc.oneof(
  unstorable,
  fc.integer({ min: 1, max: 31 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\u2028", "\u202e", "\ufeff", "\uffff", "\u0301", "😀", '"', "\\", "%", "%zz", "'", "</script>", "门岗", "{{x}}"),
);

/** Strings with control characters, NUL, lone surrogates, escapes and markup mixed in. */
export const oddString = fc.array(fc.oneof(oddChar, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((p) => p.join(""));

const blank = fc.array(fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u3000"), { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
const overlong = fc.integer({ min: 2001, max: 4000 }).map((n) => "x".repeat(n));

/** Numbers that are not safe integers in [lo, hi]. */
const badInt = ([lo, hi]: [number, number]) =>
  fc
    .oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(lo - 1, hi + 1, lo + 0.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, Number.MIN_VALUE, -1),
    )
    .filter((n) => !(Number.isSafeInteger(n) && n >= lo && n <= hi));

const notA = (accepts: "string" | "number" | "boolean", sample: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    accepts === "boolean" ? fc.constantFrom("true", "false", 1, 0) : fc.boolean(),
    accepts === "number" ? fc.constantFrom("3", "", "1e3", "0x10") : fc.constantFrom(0, 1.5, -1, 2 ** 53),
    fc.constant([]),
    fc.constant({}),
    fc.constant([sample]),
    fc.constant({ value: sample }),
  );

const ODD_DATES = [
  "99999-01-01T00:00:00Z",
  "+099999-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-00-10T00:00:00Z",
  "2026-02-30T09:00:00Z",
  "2026-04-31T09:00:00Z",
  "2026-04-05T24:00:01Z",
  "2026-04-05T09:60:00Z",
  "2026-04-05T09:12:00",
  "2026-04-05T09:12:00+25:00",
  "2026-04-05 09:12:00+08:00",
  "2026-04-05",
  "09:12:00Z",
  "yesterday",
  "",
  "NaN",
  "1775350320000",
  "2026-W14-7T09:12:00Z",
];

/** Dates no caller can mean: year 0 or beyond 9999, impossible days and hours, no zone, not a date at all. */
export const oddDate = fc.oneof(
  fc.constantFrom(...ODD_DATES),
  fc.constantFrom("0000-01-01T00:00:00Z", "0000-12-31T23:59:59+08:00"),
  fc.date({ min: new Date("1971-01-01"), max: new Date("2025-01-01"), noInvalidDate: true }).map((d) => d.toISOString().replace("Z", "")),
);

/** Dates in the future (beyond the server's five minutes of slack): only for `occurredAt`. */
export const futureDate = fc.integer({ min: 1, max: 5_000 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString());

/** A value certainly invalid for `field`: another JSON type, or the right type out of its range or form. */
export function invalidFor(field: Field, sample: unknown): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case "id":
      return fc.oneof(
        notA("string", sample),
        fc.constantFrom("", "a b", "a/b", "../x", "é", "x".repeat(65)),
        oddString.filter((x) => !ID_RE.test(x)),
      );
    case "text":
      return fc.oneof(notA("string", sample), blank, fc.constant(""), overlong);
    case "enum":
      return fc.oneof(
        notA("string", sample),
        fc.constant(String(sample).toUpperCase()),
        fc.constant(` ${String(sample)}`),
        fc.constant(`${String(sample)}\u0000`),
        fc.string({ maxLength: 12 }).map((x) => `zz${x}`),
      );
    case "date":
      return fc.oneof(notA("string", sample), fc.constantFrom(...ODD_DATES));
    case "phone":
      return fc.oneof(notA("string", sample), fc.constantFrom("", "call me", "+", "12", "1".repeat(60), "138\u0000000"));
    case "post":
      return fc.oneof(notA("string", sample), blank, fc.constantFrom("", "x".repeat(200), "gate\u0000", "gate\ud800"));
    case "int":
      return fc.oneof(notA("number", sample), badInt(field.range ?? [0, 0]));
    case "bool":
      return notA("boolean", sample);
    case "unit":
      return fc.oneof(fc.constantFrom(null, true, [], {}, ["909"], -1, 1.5, 2 ** 53, 1e21), blank, fc.constant("9".repeat(40)));
    case "texts":
      return fc.oneof(fc.constantFrom(null, "testing", {}, 3), fc.constantFrom([""], ["  "], [1], [null], [[]], [{}], ["x".repeat(3000)]));
    case "object":
      return fc.constantFrom(null, [], "x", 1, true, [sample]);
  }
}
