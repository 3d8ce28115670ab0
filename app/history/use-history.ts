"use client";
// Loads an entity's history and the registry's names for its ids: the secretary's only.
import { useEffect, useState } from "react";
import type { FeedEvent } from "../../server/protocol/events";
import type { HistoryEntity } from "../../server/protocol/history";
import type { HistoryRound } from "../../server/queries/history";
import type { Names } from "../_i18n/history";
import type { Reasoned } from "../_i18n/reasons";

type Registry = {
  buildings: { buildingId: string; label: string }[];
  households: { householdId: string; buildingId: string; unit: string }[];
  volunteers: { volunteerId: string; name: string; onDuty?: boolean }[];
};

export type HistoryState =
  | { status: "loading" | "signed-out" | "forbidden" }
  | { status: "failed"; message: string; error?: Reasoned }
  | {
      status: "ready";
      events: FeedEvent[];
      names: Names;
      /** The open round's id, if one is open: undoing a tap or a result is for it only. */
      openRound: string | null;
      onDuty: (volunteerId: string) => boolean;
    };

/** Names for ids from the registry; an id the registry does not know stands for itself. */
export function namesFrom(reg: Registry | null, rounds: readonly HistoryRound[] = []): Names {
  const label = new Map(reg?.buildings.map((b) => [b.buildingId, b.label]));
  const home = new Map(reg?.households.map((h) => [h.householdId, `${label.get(h.buildingId) ?? h.buildingId} ${h.unit}`]));
  const person = new Map(reg?.volunteers.map((v) => [v.volunteerId, v.name]));
  const round = new Map(rounds.flatMap((r) => (r.label ? [[r.roundId, r.label] as const] : [])));
  return {
    building: (id) => label.get(id) ?? id,
    household: (id) => home.get(id) ?? id,
    volunteer: (id) => person.get(id) ?? id,
    round: (id) => round.get(id) ?? id,
  };
}

/** `version`: bump it to read the history again (after an undo). */
export function useHistory(community: string, entity: HistoryEntity, id: string, enabled: boolean, version = 0): HistoryState {
  const [state, setState] = useState<HistoryState>({ status: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger: an undo was posted, read again
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const q = new URLSearchParams({ community, entity, id });
    const read = (path: string) => fetch(path, { credentials: "same-origin", cache: "no-store" });
    Promise.all([read(`/api/history?${q}`), read(`/api/registry?${new URLSearchParams({ community })}`)])
      .then(async ([h, reg]) => {
        if (!live) return;
        if (h.status === 401) return setState({ status: "signed-out" });
        if (h.status === 403) return setState({ status: "forbidden" });
        const body = (await h.json()) as {
          events: FeedEvent[];
          rounds?: HistoryRound[];
          error?: { message: string; reason?: string; params?: object };
        };
        if (!h.ok) return setState({ status: "failed", message: body.error?.message ?? `HTTP ${h.status}`, error: body.error });
        const registry = reg.ok ? ((await reg.json()) as Registry) : null;
        const rounds = body.rounds ?? [];
        const names = namesFrom(registry, rounds);
        const duty = new Set(registry?.volunteers.filter((v) => v.onDuty).map((v) => v.volunteerId));
        const openRound = rounds.find((r) => r.open)?.roundId ?? null;
        if (live) setState({ status: "ready", events: body.events, names, openRound, onDuty: (v) => duty.has(v) });
      })
      .catch(
        () => live && setState({ status: "failed", message: "the server cannot be reached", error: { reason: "server_unreachable" } }),
      );
    return () => {
      live = false;
    };
  }, [community, entity, id, enabled, version]);
  return state;
}
