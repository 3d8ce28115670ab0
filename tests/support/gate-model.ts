// Why: an independent model of passes and trips (contract section 8), with time: what the server must answer and count.
import fc from "fast-check";

const HOUR = 3_600_000;
export const Q = 4;

export type GStep =
  | { k: "open"; q: number; kind: "leave" | "medical"; urgent: boolean; letter: boolean; report: "fresh" | "old" | "none" }
  | { k: "approve"; q: number; override: boolean; until?: "past" | "soon" | "hour" | "far"; trip?: "1s" | "1h" | "none" }
  | { k: "out"; q: number; via: "event" | "scan"; backMinutes: number }
  | { k: "in"; q: number; via: "event" | "scan" };

const q = fc.nat(Q - 1);
export const gateStep: fc.Arbitrary<GStep> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("open" as const),
      q,
      kind: fc.constantFrom("leave" as const, "medical" as const),
      urgent: fc.boolean(),
      letter: fc.boolean(),
      report: fc.constantFrom("fresh" as const, "old" as const, "none" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        k: fc.constant("approve" as const),
        q,
        override: fc.boolean(),
        until: fc.constantFrom("past" as const, "soon" as const, "hour" as const, "far" as const),
        trip: fc.constantFrom("1s" as const, "1h" as const, "none" as const),
      },
      { requiredKeys: ["k", "q", "override"] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant("out" as const),
      q,
      via: fc.constantFrom("event" as const, "scan" as const),
      backMinutes: fc.constantFrom(0, 0, 30, 180),
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("in" as const), q, via: fc.constantFrom("event" as const, "scan" as const) }) },
);

export interface MReq {
  kind: string;
  urgent: boolean;
  letter: boolean;
  reportAt: number | null;
  status: "pending" | "approved" | "fulfilled";
  passSeq: number | null;
  until: number | null;
  tripHours: number | null;
  outAt: number | null;
  returnBy: number | null;
}

export const reportAtOf = (r: "fresh" | "old" | "none", now: number) => (r === "fresh" ? now - HOUR : r === "old" ? now - 50 * HOUR : null);

/** The release rule's basis, or null when the approval is refused (the model of section 3, deliveries aside). */
export function basisOf(r: MReq, override: boolean, now: number): "documents" | "urgent_medical" | "override" | null {
  if (r.kind === "medical" && r.urgent) return "urgent_medical";
  if (r.kind === "leave" && r.letter && r.reportAt !== null && now - r.reportAt <= 48 * HOUR) return "documents";
  return override ? "override" : null;
}

/** The pass's terms as section 8 reads: defaults, shortened by what was asked, capped by the report unless overridden. */
export function termsOf(r: Pick<MReq, "kind" | "reportAt">, basis: string, now: number, s: Extract<GStep, { k: "approve" }>) {
  const reportEnd = r.reportAt === null ? null : r.reportAt + 48 * HOUR;
  const day = now + 24 * HOUR;
  const byKind = r.kind === "leave" && reportEnd !== null && (basis === "documents" || reportEnd > now) ? reportEnd : day;
  const asked = { past: now - 60_000, soon: now + 1500, hour: now + HOUR, far: now + 72 * HOUR };
  let until = s.until ? asked[s.until] : byKind;
  if (basis !== "override") until = Math.min(until, byKind);
  const tripHours = s.trip === undefined ? (r.kind === "leave" ? 12 : null) : { "1s": 1 / 3600, "1h": 1, none: null }[s.trip];
  return { until, tripHours };
}
