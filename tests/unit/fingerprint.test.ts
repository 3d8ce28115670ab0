import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, fingerprint } from "../../server/ingest/fingerprint";
// How fingerprints were first computed (JSON of a sorted deep copy): stored ones must keep matching.
import { canon as reference } from "../support/ops-model";

describe("ING: idempotency fingerprints", () => {
  it("ING6 key order and time-zone spelling do not change a fingerprint; content does", () => {
    const a = fingerprint({ type: "t", community: "c", occurredAt: "2026-04-05T09:00:00+08:00", payload: { a: 1, b: 2 } });
    const b = fingerprint({ type: "t", community: "c", occurredAt: "2026-04-05T01:00:00Z", payload: { b: 2, a: 1 } });
    const c = fingerprint({ type: "t", community: "c", occurredAt: "2026-04-05T01:00:00Z", payload: { a: 1, b: 3 } });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("ING6b the one-pass canonical JSON is byte for byte the sorted copy's JSON, for any JSON value (stored fingerprints stay valid)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson({ payload: v, type: "t" })).toBe(reference({ payload: v, type: "t" }));
      }),
      { numRuns: 5000 },
    );
    // What JSON cannot hold is left out of objects and null in arrays, as before.
    const odd = {
      "10": 1,
      "9": 2,
      "4294967295": 3,
      "01": 4,
      u: undefined,
      f: () => 1,
      a: [undefined, Number.NaN, -0, 1e21],
      "": 'é\u2028"',
    };
    expect(canonicalJson(odd)).toBe(reference(odd));
    // A fingerprint computed the first way is unchanged.
    expect(
      fingerprint({ type: "household.tested", community: "c", occurredAt: null, payload: { householdId: "h1", result: "negative" } }),
    ).toBe("LXsSG_j-IAPX3muFyB0IIovO6rh_gexk4SM4ERCzLj4");
  });
});
