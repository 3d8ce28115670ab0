// Why: the entities an audit history is kept for, and the payload key that names each, shared by the API and the screens.

/** The kinds of entity `GET /api/history` answers for. */
export const HISTORY_ENTITIES = ["request", "household", "building", "volunteer"] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** An event is about an entity when its payload names it under this key (each key has its own partial index). */
export const HISTORY_KEYS = {
  request: "requestId",
  household: "householdId",
  building: "buildingId",
  volunteer: "volunteerId",
} as const satisfies Record<HistoryEntity, string>;

export const isHistoryEntity = (v: string): v is HistoryEntity => (HISTORY_ENTITIES as readonly string[]).includes(v);
