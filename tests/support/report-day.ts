// Why: one known day of a compound (5 April 2026 in Shanghai) with its neighbours, and the report it must give, for the API and browser tests.

/** An instant on Shanghai's clock. */
export const sh = (local: string) => `${local}+08:00`;

/** The day the tests report on, the days around it, and what makes them hard: a shift and a decision across each midnight. */
export const DAY = "2026-04-05";

export function reportDay(community: string) {
  const e = (type: string, at: string, payload: object) => ({ type, community, occurredAt: sh(at), payload });
  const before = (t: string) => `2026-04-04T${t}`;
  const on = (t: string) => `2026-04-05T${t}`;
  const after = (t: string) => `2026-04-06T${t}`;
  return [
    e("building.registered", before("07:00:00"), { buildingId: "b1", label: "1号楼" }),
    e("building.registered", before("07:00:00"), { buildingId: "b2", label: "2号楼" }),
    e("building.registered", before("07:00:00"), { buildingId: "b10", label: "10号楼" }),
    e("household.registered", before("07:00:00"), { householdId: "h1", buildingId: "b1", unit: "101", residents: 3 }),
    e("household.registered", before("07:00:00"), { householdId: "h2", buildingId: "b1", unit: "102", residents: 2 }),
    e("household.registered", before("07:00:00"), { householdId: "h3", buildingId: "b2", unit: "201", residents: 1 }),
    e("household.registered", before("07:00:00"), { householdId: "h4", buildingId: "b10", unit: "1001", residents: 2 }),
    e("volunteer.registered", before("07:00:00"), { volunteerId: "v1", name: "Li Na 李娜" }),
    e("volunteer.registered", before("07:00:00"), { volunteerId: "v2", name: "Wang Fang" }),
    e("volunteer.registered", before("07:00:00"), { volunteerId: "v3", name: "Zhao Min 赵敏" }),
    e("round.opened", before("07:30:00"), { roundId: "r1", kind: "pcr", label: "第5轮核酸" }),
    e("household.tested", before("10:00:00"), { roundId: "r1", householdId: "h4" }),
    e("building.sealed", before("12:00:00"), { buildingId: "b2", reason: "close contact" }),
    e("volunteer.checked_in", before("20:00:00"), { volunteerId: "v3", post: "delivery" }),
    e("volunteer.checked_in", before("22:00:00"), { volunteerId: "v1", post: "gate" }),
    e("volunteer.checked_out", before("23:00:00"), { volunteerId: "v3" }),
    e("request.opened", before("23:30:00"), { requestId: "q1", householdId: "h1", kind: "leave", person: "张伟" }),
    // The day itself: midnight exactly belongs to it, the next midnight does not.
    e("household.tested", on("00:00:00"), { roundId: "r1", householdId: "h1" }),
    e("household.tested", on("00:20:00"), { roundId: "r1", householdId: "h1" }),
    e("request.approved", on("00:45:00"), { requestId: "q1", override: { reason: "奔丧 funeral" } }),
    e("volunteer.checked_out", on("02:00:00"), { volunteerId: "v1" }),
    e("request.opened", on("08:00:00"), { requestId: "q2", householdId: "h2", kind: "medicine" }),
    e("household.tested", on("09:00:00"), { roundId: "r1", householdId: "h2" }),
    e("request.rejected", on("09:00:00"), { requestId: "q2", reason: "delivered by the pharmacy instead" }),
    e("household.tested", on("09:05:00"), { roundId: "r1", householdId: "h3" }),
    e("household.tested", on("10:00:00"), { roundId: "r1", householdId: "h4" }),
    e("test.result", on("11:00:00"), { roundId: "r1", householdId: "h3", result: "positive" }),
    e("test.result", on("11:01:00"), { roundId: "r1", householdId: "h2", result: "negative" }),
    e("building.sealed", on("11:30:00"), { buildingId: "b2", reason: "positive case in 201" }),
    e("building.sealed", on("11:40:00"), { buildingId: "b10" }),
    e("request.opened", on("12:00:00"), { requestId: "q3", householdId: "h3", kind: "medical", urgent: true }),
    e("request.approved", on("12:30:00"), { requestId: "q3", override: { reason: "hospital" } }),
    e("building.unsealed", on("17:00:00"), { buildingId: "b2" }),
    e("volunteer.checked_in", on("20:30:00"), { volunteerId: "v2", post: "testing" }),
    e("request.opened", on("23:50:00"), { requestId: "q4", householdId: "h4", kind: "supplies" }),
    e("test.result", after("00:00:00"), { roundId: "r1", householdId: "h1", result: "positive" }),
    e("request.approved", after("00:10:00"), { requestId: "q4", override: { reason: "elderly resident" } }),
    e("volunteer.checked_out", after("01:00:00"), { volunteerId: "v2" }),
  ];
}

/** The report of DAY in Asia/Shanghai, as the contract's fields and ours. */
export const EXPECTED = {
  date: DAY,
  timeZone: "Asia/Shanghai",
  from: "2026-04-04T16:00:00.000Z",
  to: "2026-04-05T16:00:00.000Z",
  complete: true,
  householdsTested: 3,
  positives: 1,
  buildingsSealed: 1,
  buildingsUnsealed: 1,
  volunteerHours: { gate: 2, testing: 3.5 },
  requests: {
    opened: { leave: 0, medical: 1, medicine: 1, supplies: 1, other: 0 },
    decided: { approved: 2, rejected: 1 },
    medianMinutesToDecision: 60,
  },
  releases: [
    { requestId: "q1", kind: "leave", basis: "override", reason: "奔丧 funeral" },
    { requestId: "q3", kind: "medical", basis: "override", reason: "hospital" },
  ],
  rounds: [{ roundId: "r1", kind: "pcr", tested: 3, label: "第5轮核酸" }],
  // As the report is read (not of the day): the compound's name, the current round's coverage, the buildings sealed.
  name: null,
  coverage: { roundId: "r1", label: "第5轮核酸", tested: 4, toTest: 4 },
  sealed: [{ buildingId: "b10", label: "10号楼", since: "2026-04-05T03:40:00.000Z", reason: null }],
  buildings: [
    { buildingId: "b1", label: "1号楼", tested: 2, positives: 0 },
    { buildingId: "b2", label: "2号楼", tested: 1, positives: 1 },
  ],
  trips: { out: 0, back: 0, overdue: 0 },
  testedByHour: [1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};
