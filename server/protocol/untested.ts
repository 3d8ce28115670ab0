// Why: the door-knocking list's shape (GET /api/untested, contract section 5), shared by the server and the screens.

export interface UntestedHousehold {
  householdId: string;
  unit: string;
}

export interface UntestedBuilding {
  buildingId: string;
  label: string;
  households: UntestedHousehold[];
}

/** The open round's households without `household.tested`, by building; `round: null` and no buildings when none is open. */
export interface UntestedList {
  round: { roundId: string } | null;
  buildings: UntestedBuilding[];
}
