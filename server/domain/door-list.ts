// Why: grouping and ordering the door-knocking list is pure, so it is tested without a database.
import type { UntestedBuilding, UntestedList } from "../protocol/untested";
import { naturalCompare } from "./natural-order";

/** One row of the door-knocking query: the open round and, when there is one left, an untested household. */
export interface DoorRow {
  roundId: string | null;
  buildingId: string | null;
  label: string | null;
  householdId: string | null;
  unit: string | null;
}

/** Groups the query's rows by building, buildings and units in natural order (2号楼 before 10号楼, 101 before 1001). */
export function groupDoorList(rows: readonly DoorRow[]): UntestedList {
  const roundId = rows.find((r) => r.roundId)?.roundId ?? null;
  if (!roundId) return { round: null, buildings: [] };
  const byBuilding = new Map<string, UntestedBuilding>();
  for (const r of rows) {
    if (!r.householdId || !r.buildingId || r.unit === null) continue;
    let b = byBuilding.get(r.buildingId);
    if (!b) {
      b = { buildingId: r.buildingId, label: r.label ?? r.buildingId, households: [] };
      byBuilding.set(r.buildingId, b);
    }
    b.households.push({ householdId: r.householdId, unit: r.unit });
  }
  const buildings = [...byBuilding.values()].sort((a, b) => naturalCompare(a.label, b.label) || naturalCompare(a.buildingId, b.buildingId));
  for (const b of buildings) b.households.sort((x, y) => naturalCompare(x.unit, y.unit) || naturalCompare(x.householdId, y.householdId));
  return { round: { roundId }, buildings };
}
