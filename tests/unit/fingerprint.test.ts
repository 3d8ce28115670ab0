import { describe, expect, it } from "vitest";
import { fingerprint } from "../../server/ingest/fingerprint";

describe("ING: idempotency fingerprints", () => {
  it("ING6 key order and time-zone spelling do not change a fingerprint; content does", () => {
    const a = fingerprint({ type: "t", community: "c", occurredAt: "2026-04-05T09:00:00+08:00", payload: { a: 1, b: 2 } });
    const b = fingerprint({ type: "t", community: "c", occurredAt: "2026-04-05T01:00:00Z", payload: { b: 2, a: 1 } });
    const c = fingerprint({ type: "t", community: "c", occurredAt: "2026-04-05T01:00:00Z", payload: { a: 1, b: 3 } });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});
