// Why: undo, merge, retire, vacate and name replayed for verify, as the corrections' rules apply them.
import type { Model, Row } from "./recount";

type Apply = (m: Model, p: Record<string, unknown>) => void;

const k = (...parts: unknown[]) => parts.map(String).join("/");

function resolvePositive(m: Model, householdId: unknown) {
  for (const a of (m.tables.alerts as Map<string, Row>).values())
    if (a.community === m.community && a.kind === "positive_result" && a.householdId === householdId && a.resolvedAt === null)
      a.resolvedAt = m.at;
}

function offDuty(m: Model, v: Row) {
  if (!v.onDuty) return;
  Object.assign(v, { onDuty: false, post: null, since: null });
  m.bump({ onDuty: -1 });
}

/**
 * A household to test is lived in (residents, no vacant or moved-out mark); its tap in the round the counts follow
 * (the open one, or the last opened) is set aside while it is not one, and counts again when it is.
 */
export function followTap(m: Model, householdId: unknown, h: Row): void {
  const roundId = m.round();
  const t = roundId === undefined ? undefined : (m.tables.roundTests as Map<string, Row>).get(k(m.community, roundId, householdId));
  if (!t) return;
  const aside = !(Number(h.residents) > 0 && !h.status);
  if (aside && !t.setAsideAt) t.setAsideAt = m.at;
  if (!aside) t.setAsideAt = null;
}

/** What each correction does to the projections. */
export const recountCorrections: Record<string, Apply> = {
  "household.test_undone": (m, p) => {
    const tests = m.tables.roundTests as Map<string, Row>;
    const key = k(m.community, p.roundId, p.householdId);
    if (!tests.delete(key)) m.problem(`no test of ${p.householdId} in ${p.roundId} to undo`);
    m.bump({ tests: -1 });
    resolvePositive(m, p.householdId);
  },
  "test.result_undone": (m, p) => {
    const t = m.get("roundTests", k(m.community, p.roundId, p.householdId), `the test of ${p.householdId} in ${p.roundId}`);
    if (t) Object.assign(t, { result: null, resultAt: null });
    resolvePositive(m, p.householdId);
  },
  "volunteer.checkin_undone": (m, p) => {
    const v = m.get("volunteers", k(m.community, p.volunteerId), `volunteer ${p.volunteerId}`);
    if (v && !v.onDuty) m.problem(`volunteer ${p.volunteerId} was not on duty`);
    if (v) offDuty(m, v);
  },
  "volunteer.merged": (m, p) => {
    const from = m.get("volunteers", k(m.community, p.volunteerId), `volunteer ${p.volunteerId}`);
    const into = m.get("volunteers", k(m.community, p.intoVolunteerId), `volunteer ${p.intoVolunteerId}`);
    if (!from || !into) return;
    if (from.onDuty && !into.onDuty) {
      Object.assign(into, { onDuty: true, post: from.post, since: from.since });
      Object.assign(from, { onDuty: false, post: null, since: null });
    } else offDuty(m, from);
    Object.assign(from, { retiredAt: m.at, mergedInto: p.intoVolunteerId });
  },
  "volunteer.retired": (m, p) => {
    const v = m.get("volunteers", k(m.community, p.volunteerId), `volunteer ${p.volunteerId}`);
    if (!v) return;
    offDuty(m, v);
    v.retiredAt = m.at;
  },
  "household.vacated": (m, p) => {
    const h = m.get("households", k(m.community, p.householdId), `household ${p.householdId}`);
    if (!h) return;
    h.status = p.status;
    // Its tap in the current round stays, set aside: not counted as tested while nobody lives there.
    followTap(m, p.householdId, h);
  },
  "household.reoccupied": (m, p) => {
    const h = m.get("households", k(m.community, p.householdId), `household ${p.householdId}`);
    if (!h) return;
    h.status = null;
    followTap(m, p.householdId, h);
  },
  "community.named": (m, p) => m.name(String(p.name)),
};
