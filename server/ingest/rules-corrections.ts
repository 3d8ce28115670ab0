// Why: corrections (undo, merge, retire, vacate, name) as rules beside the feed's others, without editing theirs.
import { conflict } from "../errors";
import type { EventType, Payload } from "../protocol/events";
import { bumpActivity, followTap, household, RULES, type RuleContext, round, volunteer } from "./rules";
import { key } from "./state";

/** How long a volunteer may undo their own tap, result or check-in (by the events' own times). */
export const UNDO_MINUTES = 10;

export type CorrectionType =
  | "household.test_undone"
  | "test.result_undone"
  | "volunteer.checkin_undone"
  | "volunteer.merged"
  | "volunteer.retired"
  | "household.vacated"
  | "household.reoccupied"
  | "community.named";

type Rule<T extends EventType> = (c: RuleContext, p: Payload<T>) => void;

/**
 * Who may undo a record: the secretary at any time (with a reason), otherwise only who recorded it, within
 * UNDO_MINUTES of the record's own time (the phone's clock for both, so an undo queued offline still counts).
 */
function mayUndo(
  c: RuleContext,
  what: string,
  by: string | null | undefined,
  at: Date | null | undefined,
  reason: string | undefined,
  path: string,
) {
  if (c.role === "secretary") {
    if (by !== c.actor && !reason) throw conflict("undo_needs_reason", { what }, "payload.reason");
    return;
  }
  if (!by || by !== c.actor) throw conflict("undo_not_yours", { what }, path);
  const age = c.at.getTime() - (at?.getTime() ?? 0);
  if (age > UNDO_MINUTES * 60_000) throw conflict("undo_window_passed", { what, minutes: UNDO_MINUTES }, path);
}

function liveVolunteer(c: RuleContext, volunteerId: string, path = "payload.volunteerId") {
  const v = volunteer(c, volunteerId);
  if (v.retiredAt) throw conflict("volunteer_retired", { volunteerId, mergedInto: v.mergedInto ?? "" }, path);
  return v;
}

function livedIn(c: RuleContext, householdId: string) {
  const h = household(c, householdId);
  if (h.status) throw conflict("household_not_lived_in", { householdId, status: h.status }, "payload.householdId");
  return h;
}

/** Takes a volunteer off duty (retired, merged or an undone check-in): the counts follow. */
function offDuty(c: RuleContext, volunteerId: string) {
  const v = volunteer(c, volunteerId);
  if (!v.onDuty) return;
  c.state.put("volunteers", key(c.community, volunteerId), { ...v, onDuty: false, post: null, since: null, checkedInBy: null });
  c.effects.add(c.community, "volunteersOnDuty", -1);
  bumpActivity(c, { onDuty: -1 });
}

const CORRECTIONS: { [T in CorrectionType]: Rule<T> } = {
  "household.test_undone"(c, p) {
    const r = round(c, p.roundId);
    if (r.closedAt) throw conflict("round_closed", { roundId: p.roundId }, "payload.roundId");
    household(c, p.householdId);
    const k = key(c.community, p.roundId, p.householdId);
    const t = c.state.get("roundTests", k);
    if (!t) throw conflict("nothing_to_undo", { what: "door-knock tap", householdId: p.householdId }, "payload.householdId");
    mayUndo(c, "door-knock tap", t.testedBy, t.testedAt, p.reason, "payload.householdId");
    c.state.remove("roundTests", k);
    // A tap set aside (its household vacated or empty) is already out of the tested count.
    if (!t.setAsideAt) c.state.put("rounds", key(c.community, p.roundId), { ...r, testedCount: r.testedCount - 1 });
    bumpActivity(c, { tests: -1 });
    resolvePositive(c, p.householdId);
  },
  "test.result_undone"(c, p) {
    const r = round(c, p.roundId);
    if (r.closedAt) throw conflict("round_closed", { roundId: p.roundId }, "payload.roundId");
    const k = key(c.community, p.roundId, p.householdId);
    const t = c.state.get("roundTests", k);
    if (!t?.result) throw conflict("nothing_to_undo", { what: "test result", householdId: p.householdId }, "payload.householdId");
    mayUndo(c, "test result", t.resultBy, t.resultAt, p.reason, "payload.householdId");
    c.state.put("roundTests", k, { ...t, result: null, resultBy: null, resultAt: null });
    resolvePositive(c, p.householdId);
  },
  "volunteer.checkin_undone"(c, p) {
    const v = volunteer(c, p.volunteerId);
    if (!v.onDuty) throw conflict("nothing_to_undo", { what: "check-in", volunteerId: p.volunteerId }, "payload.volunteerId");
    mayUndo(c, "check-in", v.checkedInBy, v.since, p.reason, "payload.volunteerId");
    offDuty(c, p.volunteerId);
  },
  "volunteer.merged"(c, p) {
    if (p.volunteerId === p.intoVolunteerId)
      throw conflict("volunteer_merge_self", { volunteerId: p.volunteerId }, "payload.intoVolunteerId");
    const from = liveVolunteer(c, p.volunteerId);
    const into = liveVolunteer(c, p.intoVolunteerId, "payload.intoVolunteerId");
    // On duty follows the person: the kept volunteer takes over a duty they were not already on.
    if (from.onDuty && !into.onDuty) {
      c.state.put("volunteers", key(c.community, p.intoVolunteerId), {
        ...into,
        onDuty: true,
        post: from.post,
        since: from.since,
        checkedInBy: from.checkedInBy,
      });
      c.state.put("volunteers", key(c.community, p.volunteerId), { ...from, onDuty: false, post: null, since: null, checkedInBy: null });
    } else offDuty(c, p.volunteerId);
    const now = volunteer(c, p.volunteerId);
    c.state.put("volunteers", key(c.community, p.volunteerId), { ...now, retiredAt: c.at, mergedInto: p.intoVolunteerId });
    c.effects.add(c.community, "volunteersTotal", -1);
  },
  "volunteer.retired"(c, p) {
    liveVolunteer(c, p.volunteerId);
    offDuty(c, p.volunteerId);
    const v = volunteer(c, p.volunteerId);
    c.state.put("volunteers", key(c.community, p.volunteerId), { ...v, retiredAt: c.at });
    c.effects.add(c.community, "volunteersTotal", -1);
  },
  "household.vacated"(c, p) {
    const h = livedIn(c, p.householdId);
    c.state.put("households", key(c.community, p.householdId), { ...h, status: p.status });
    // A flat registered with no residents is not counted already.
    if (h.residents > 0) c.effects.add(c.community, "householdsTotal", -1);
    followTap(c, p.householdId);
  },
  "household.reoccupied"(c, p) {
    const h = household(c, p.householdId);
    if (!h.status) throw conflict("household_already_lived_in", { householdId: p.householdId }, "payload.householdId");
    c.state.put("households", key(c.community, p.householdId), { ...h, status: null });
    if (h.residents > 0) c.effects.add(c.community, "householdsTotal", 1);
    followTap(c, p.householdId);
  },
  "community.named"(c, p) {
    c.effects.names.set(c.community, p.name);
  },
};

/** An undone tap or result takes its positive alarm off the wall. */
function resolvePositive(c: RuleContext, householdId: string) {
  for (const a of c.state.all("alerts", c.community))
    if (a.kind === "positive_result" && a.householdId === householdId && !a.resolvedAt)
      c.state.put("alerts", String(a.seq), { ...a, resolvedAt: c.at });
}

/** The existing rules, with who recorded a tap, a result or a check-in kept for undoing them, and the corrections' checks. */
const RECORDING: Partial<{ [T in EventType]: Rule<T> }> = {
  "household.tested"(c, p) {
    livedIn(c, p.householdId);
    const k = key(c.community, p.roundId, p.householdId);
    const before = c.state.get("roundTests", k);
    RULES["household.tested"](c, p);
    const t = c.state.get("roundTests", k);
    if (!before && t) c.state.put("roundTests", k, { ...t, testedBy: c.actor ?? null });
  },
  "test.result"(c, p) {
    RULES["test.result"](c, p);
    const k = key(c.community, p.roundId, p.householdId);
    const t = c.state.get("roundTests", k);
    if (t) c.state.put("roundTests", k, { ...t, resultBy: c.actor ?? null, resultAt: c.at });
  },
  "volunteer.checked_in"(c, p) {
    liveVolunteer(c, p.volunteerId);
    RULES["volunteer.checked_in"](c, p);
    const v = volunteer(c, p.volunteerId);
    c.state.put("volunteers", key(c.community, p.volunteerId), { ...v, checkedInBy: c.actor ?? null });
  },
};

/** Every rule the writer applies, by event type. */
export const ALL_RULES = { ...RULES, ...CORRECTIONS, ...RECORDING } as { [T in Exclude<EventType, "demo.cleared">]: Rule<T> };
