// Why: the day's figures (日报) from the day's events and the state at its start; pure, no I/O, unit-tested across midnight.

import type { DailyReport, ReleaseBasis } from "../protocol/daily-report";
import { REQUEST_KINDS, type RequestKind } from "../protocol/vocabularies";
import { type DutyEvent, dutyHours, type OpenShift } from "./duty-hours";
import { naturalCompare } from "./natural-order";
import { isDelivery } from "./requests";
import { localHour } from "./zoned-day";

/** One event of the day as the report reads it: in feed (seq) order. */
export interface DayEvent {
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** What the day's events alone do not say: the state at the day's start and the registry's names. */
export interface ReportInput {
  date: string;
  timeZone: string;
  start: Date;
  end: Date;
  now: Date;
  events: DayEvent[];
  openShifts: OpenShift[];
  sealedAtStart: Iterable<string>;
  /** `roundId/householdId` pairs whose counted test was before the day: a repeated tap today does not count again. */
  testedBefore: Iterable<string>;
  requests: ReadonlyMap<string, { kind: string; openedAt: Date; basis: ReleaseBasis | null; overrideReason: string | null }>;
  households: ReadonlyMap<string, string>;
  buildings: ReadonlyMap<string, string>;
  rounds: ReadonlyMap<string, string>;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

/** Computes the daily report; counted by each event's occurredAt, state changes in feed order. */
export function dailyReport(input: ReportInput): DailyReport {
  const { start, end, now, timeZone } = input;
  const seen = new Set(input.testedBefore);
  const sealed = new Set(input.sealedAtStart);
  const tested = new Set<string>();
  const positive = new Set<string>();
  const perRound = new Map<string, number>();
  const perBuilding = new Map<string, { tested: Set<string>; positives: Set<string> }>();
  const byHour = Array.from({ length: 24 }, () => 0);
  const opened = Object.fromEntries(REQUEST_KINDS.map((k) => [k, 0])) as Record<RequestKind, number>;
  const decided = { approved: 0, rejected: 0 };
  const waits: number[] = [];
  const releases: DailyReport["releases"] = [];
  const duty: DutyEvent[] = [];
  let buildingsSealed = 0;
  let buildingsUnsealed = 0;
  const building = (householdId: string) => {
    const id = input.households.get(householdId) ?? "";
    const b = perBuilding.get(id) ?? { tested: new Set<string>(), positives: new Set<string>() };
    perBuilding.set(id, b);
    return b;
  };

  const tapHour = new Map<string, number>();
  for (const { type, occurredAt, payload: p } of input.events) {
    if (type === "household.tested") {
      const pair = `${str(p.roundId)}/${str(p.householdId)}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      tested.add(str(p.householdId));
      building(str(p.householdId)).tested.add(str(p.householdId));
      perRound.set(str(p.roundId), (perRound.get(str(p.roundId)) ?? 0) + 1);
      const hour = localHour(occurredAt.getTime(), timeZone);
      byHour[hour] = (byHour[hour] ?? 0) + 1;
      tapHour.set(pair, hour);
    } else if (type === "household.test_undone") {
      // An undone tap of the same day is not counted; one of an earlier day was not counted today anyway.
      const pair = `${str(p.roundId)}/${str(p.householdId)}`;
      seen.delete(pair);
      const hour = tapHour.get(pair);
      if (hour === undefined) continue;
      tapHour.delete(pair);
      tested.delete(str(p.householdId));
      building(str(p.householdId)).tested.delete(str(p.householdId));
      perRound.set(str(p.roundId), (perRound.get(str(p.roundId)) ?? 1) - 1);
      byHour[hour] = (byHour[hour] ?? 1) - 1;
    } else if (type === "test.result_undone") {
      positive.delete(str(p.householdId));
      building(str(p.householdId)).positives.delete(str(p.householdId));
    } else if (type === "volunteer.checkin_undone" || type === "volunteer.retired" || type === "volunteer.merged") {
      // The shift ends here (an undone check-in's minutes are the few it stood).
      duty.push({ type: "volunteer.checked_out", occurredAt, volunteerId: str(p.volunteerId) });
    } else if (type === "test.result" && p.result === "positive") {
      positive.add(str(p.householdId));
      building(str(p.householdId)).positives.add(str(p.householdId));
    } else if (type === "building.sealed") {
      if (!sealed.has(str(p.buildingId))) buildingsSealed++;
      sealed.add(str(p.buildingId));
    } else if (type === "building.unsealed") {
      if (sealed.delete(str(p.buildingId))) buildingsUnsealed++;
    } else if (type === "volunteer.checked_in") {
      duty.push({ type, occurredAt, volunteerId: str(p.volunteerId), post: str(p.post) });
    } else if (type === "volunteer.checked_out") {
      duty.push({ type, occurredAt, volunteerId: str(p.volunteerId) });
    } else if (type === "request.opened") {
      const kind = str(p.kind) as RequestKind;
      if (kind in opened) opened[kind]++;
    } else if (type === "request.approved" || type === "request.rejected") {
      const r = input.requests.get(str(p.requestId));
      // A decision counts as made no earlier than its request (as the server keeps it): a wait is never negative.
      if (r) waits.push(Math.max(0, occurredAt.getTime() - r.openedAt.getTime()) / 60_000);
      if (type === "request.rejected") {
        decided.rejected++;
        continue;
      }
      decided.approved++;
      // A delivery (medicine, supplies, other) lets nobody out: it is decided, but it is not a release (v1.2).
      if (r && isDelivery(r.kind)) continue;
      const basis = r?.basis ?? null;
      releases.push({
        requestId: str(p.requestId),
        kind: r?.kind ?? "",
        basis,
        reason: basis === "override" ? (r?.overrideReason ?? null) : null,
      });
    }
  }

  return {
    date: input.date,
    timeZone,
    from: start.toISOString(),
    to: end.toISOString(),
    complete: now.getTime() >= end.getTime(),
    householdsTested: tested.size,
    positives: positive.size,
    buildingsSealed,
    buildingsUnsealed,
    volunteerHours: dutyHours(input.openShifts, duty, start, end, now),
    requests: { opened, decided, medianMinutesToDecision: median(waits) },
    releases,
    rounds: [...perRound].map(([roundId, n]) => ({ roundId, kind: input.rounds.get(roundId) ?? "", tested: n })),
    buildings: [...perBuilding]
      .map(([buildingId, b]) => ({
        buildingId,
        label: input.buildings.get(buildingId) ?? buildingId,
        tested: b.tested.size,
        positives: b.positives.size,
      }))
      .sort((a, b) => naturalCompare(a.label, b.label)),
    testedByHour: byHour,
  };
}
