/** A tiny compound: 2 buildings, 3 households (with contacts), 2 volunteers, an open PCR round. */
export const PERSONAL = { name: "Zhang Wei 张伟", phone: "13800138000", note: "Needs insulin: call 13900139000" };

export function smallCompound(community = "default") {
  const e = (type: string, payload: object) => ({ type, community, payload });
  return [
    e("building.registered", { buildingId: "b1", label: "Building 1" }),
    e("building.registered", { buildingId: "b2", label: "Building 2" }),
    e("household.registered", {
      householdId: "h1",
      buildingId: "b1",
      unit: "101",
      residents: 3,
      contact: { name: PERSONAL.name, phone: PERSONAL.phone },
    }),
    e("household.registered", { householdId: "h2", buildingId: "b1", unit: "102", residents: 2 }),
    e("household.registered", { householdId: "h3", buildingId: "b2", unit: "201", residents: 1 }),
    e("volunteer.registered", { volunteerId: "v1", name: "Li Na 李娜", phone: "13700137000", skills: ["testing"] }),
    e("volunteer.registered", { volunteerId: "v2", name: "Wang Fang", skills: [] }),
    e("round.opened", { roundId: "r1", kind: "pcr" }),
  ];
}

export const hoursBefore = (h: number, from = new Date()) => new Date(from.getTime() - h * 3_600_000).toISOString();
