// Why: the door-knocking list's order (2号楼 before 10号楼, 101 before 1001) and grouping are pure: checked here exhaustively, on the server's own code.
import { describe, expect, it } from "vitest";
import { groupDoorList } from "../../server/domain/door-list";
import { naturalCompare } from "../../server/domain/natural-order";

const sorted = (xs: string[]) => [...xs].sort(naturalCompare);

describe("KNOCK: the door-knocking list's order", () => {
  it("KNOCK2 labels sort in natural order: numbers by value, the rest by character", () => {
    expect(sorted(["10号楼", "2号楼", "1号楼", "21号楼", "3号楼"])).toEqual(["1号楼", "2号楼", "3号楼", "10号楼", "21号楼"]);
    expect(sorted(["1001", "201", "101", "1101", "102"])).toEqual(["101", "102", "201", "1001", "1101"]);
    expect(sorted(["Building 10", "Building 9", "building 1"])).toEqual(["building 1", "Building 9", "Building 10"]);
    expect(sorted(["2-1001", "10-101", "2-101", "2-201"])).toEqual(["2-101", "2-201", "2-1001", "10-101"]);
    expect(sorted(["１０号楼", "９号楼"])).toEqual(["９号楼", "１０号楼"]);
    expect(sorted(["B", "A10", "A9", "9"])).toEqual(["9", "A9", "A10", "B"]);
    expect(sorted(["007", "7", "07"])).toEqual(["7", "07", "007"]);
    expect(naturalCompare("101", "101")).toBe(0);
    expect(sorted(["99999999999999999999", "100000000000000000000"])).toEqual(["99999999999999999999", "100000000000000000000"]);
  });

  it("KNOCK2 rows group by building, buildings by label and units by number; no round, no list", () => {
    const row = (buildingId: string, label: string, householdId: string, unit: string) => ({
      roundId: "r1",
      buildingId,
      label,
      householdId,
      unit,
    });
    const list = groupDoorList([
      row("b10", "10号楼", "h5", "1001"),
      row("b2", "2号楼", "h1", "1001"),
      row("b2", "2号楼", "h2", "101"),
      row("b10", "10号楼", "h6", "101"),
      row("b2", "2号楼", "h3", "201"),
    ]);
    expect(list).toEqual({
      round: { roundId: "r1" },
      buildings: [
        {
          buildingId: "b2",
          label: "2号楼",
          households: [
            { householdId: "h2", unit: "101" },
            { householdId: "h3", unit: "201" },
            { householdId: "h1", unit: "1001" },
          ],
        },
        {
          buildingId: "b10",
          label: "10号楼",
          households: [
            { householdId: "h6", unit: "101" },
            { householdId: "h5", unit: "1001" },
          ],
        },
      ],
    });
    const none = { buildingId: null, label: null, householdId: null, unit: null };
    expect(groupDoorList([{ roundId: "r1", ...none }])).toEqual({ round: { roundId: "r1" }, buildings: [] });
    expect(groupDoorList([{ roundId: null, ...none }])).toEqual({ round: null, buildings: [] });
    expect(groupDoorList([])).toEqual({ round: null, buildings: [] });
  });
});
