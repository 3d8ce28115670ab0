// Why: the daily report's shape (contract section 5, extended), shared by the API, the CSV and the printed page.
import type { RequestKind } from "./vocabularies";

/** What let an approval through: the release rule's three bases. */
export const RELEASE_BASES = ["documents", "urgent_medical", "override"] as const;
export type ReleaseBasis = (typeof RELEASE_BASES)[number];

export interface DailyReport {
  /** The day, `YYYY-MM-DD`, on the compound's clock. */
  date: string;
  timeZone: string;
  /** The day's first instant and the next day's, ISO 8601. */
  from: string;
  to: string;
  /** False while the day is still under way: its figures run to now. */
  complete: boolean;
  /** Households with a counted test on the day (each household once, whatever the rounds). */
  householdsTested: number;
  /** Households with a positive result recorded on the day. */
  positives: number;
  buildingsSealed: number;
  buildingsUnsealed: number;
  /** Hours on duty within the day, by post, to the hundredth. */
  volunteerHours: Record<string, number>;
  requests: {
    opened: Record<RequestKind, number>;
    decided: { approved: number; rejected: number };
    /** From opening to the decision, over the decisions of the day; null when there were none. */
    medianMinutesToDecision: number | null;
  };
  /** The day's approvals with what let each through. */
  releases: { requestId: string; kind: string; basis: ReleaseBasis | null; reason: string | null }[];
  /** `label`: what the secretary typed when opening it (what people read), null when none was typed. */
  rounds: { roundId: string; kind: string; tested: number; label?: string | null }[];
  /** community.named: the compound's name, null until named. */
  name?: string | null;
  /** The current round's coverage as the report is read: households tested of those to test (vacant and moved-out left out). */
  coverage?: { roundId: string; label: string | null; tested: number; toTest: number } | null;
  /** Buildings sealed as the report is read, by label, with since when and why. */
  sealed?: { buildingId: string; label: string; since: string | null; reason: string | null }[];
  buildings: { buildingId: string; label: string; tested: number; positives: number }[];
  /** Trips through the gate (v1.2): out and back on the day, and those due back on the day that were late or are still out. */
  trips?: { out: number; back: number; overdue: number };
  /** Tests counted in each hour of the local clock, 0–23. */
  testedByHour: number[];
}
