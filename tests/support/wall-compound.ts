import { hoursBefore, smallCompound } from "./fixtures";

/**
 * The small compound (with its personal data) grown to a wall-sized one: 32 buildings, a round
 * opened five hours ago, tests, shifts and requests spread over those hours so the charts,
 * the pace and the grid have something to show.
 */
export function wallCompound() {
  const e = (type: string, payload: object, hours?: number) => ({
    type,
    payload,
    ...(hours !== undefined ? { occurredAt: hoursBefore(hours) } : {}),
  });
  const base = smallCompound().filter((x) => x.type !== "round.opened");
  const out: object[] = [...base];
  for (let b = 3; b <= 32; b++) {
    out.push(e("building.registered", { buildingId: `b${b}`, label: `Building ${b}` }));
    for (let u = 1; u <= 6; u++)
      out.push(e("household.registered", { householdId: `h${b}-${u}`, buildingId: `b${b}`, unit: `${u}01`, residents: 2 }));
  }
  for (let v = 3; v <= 12; v++) out.push(e("volunteer.registered", { volunteerId: `v${v}`, name: `Helper ${v}`, skills: [] }));
  out.push(e("round.opened", { roundId: "r1", kind: "pcr" }, 5));
  for (let v = 3; v <= 12; v++)
    out.push(e("volunteer.checked_in", { volunteerId: `v${v}`, post: v % 2 ? "testing" : "delivery" }, 5 - v * 0.3));
  let i = 0;
  for (let b = 3; b <= 32; b++)
    for (let u = 1; u <= 6; u++)
      if ((b * 7 + u * 3) % 10 < 6) out.push(e("household.tested", { roundId: "r1", householdId: `h${b}-${u}` }, 4.8 - (i++ % 120) * 0.04));
  out.push(e("building.sealed", { buildingId: "b9", reason: "case confirmed" }, 3));
  out.push(e("test.result", { roundId: "r1", householdId: "h3-1", result: "negative" }, 2));
  for (let r = 1; r <= 4; r++)
    out.push(
      e(
        "request.opened",
        { requestId: `w${r}`, householdId: `h${r * 5}-2`, kind: ["supplies", "leave", "medicine", "other"][r - 1] },
        3 - r * 0.6,
      ),
    );
  return out;
}
