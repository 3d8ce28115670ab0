"use client";
// Loads what the people page shows: who is signed in here, the volunteers, and every sign-in with when it was last seen.
import { useCallback, useEffect, useState } from "react";
import type { Role } from "../../server/protocol/vocabularies";
import { screenCommunity } from "../_live/community";

export interface Volunteer {
  volunteerId: string;
  name: string;
  /** Whole: this page is the secretary's only. */
  phone: string | null;
  skills: string[];
  /** The building they live in, as their list names it (所住楼号), when it says. */
  building?: string | null;
  onDuty: boolean;
  post: string | null;
}

export interface Building {
  buildingId: string;
  label: string;
}
export interface Household {
  householdId: string;
  buildingId: string;
  unit: string;
}

export interface SignIn {
  id: string;
  role: Role;
  label: string;
  volunteerId: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export type PeopleState =
  | { status: "loading" | "signed-out" | "forbidden" }
  | { status: "failed"; message: string }
  | {
      status: "ready";
      volunteers: Volunteer[];
      signIns: SignIn[];
      publicUrl: string | null;
      buildings: Building[];
      households: Household[];
      name: string | null;
    };

/** Last-seen times move at most once a minute, so the sign-ins are read again this often (the registry, which is large, only on demand). */
const REREAD_MS = 15_000;

async function read<T>(path: string): Promise<{ status: number; body: T | null }> {
  const r = await fetch(path, { credentials: "same-origin", cache: "no-store" });
  return { status: r.status, body: r.ok ? ((await r.json()) as T) : null };
}

/** The page's data, for the secretary only: a volunteer or display gets "forbidden", no session "signed-out". */
export function usePeople(community?: string) {
  const [state, setState] = useState<PeopleState>({ status: "loading" });
  const load = useCallback(
    async (registryToo = true) => {
      try {
        const session = await read<{ role: Role; publicUrl?: string | null }>("/api/session");
        const publicUrl = session.body?.publicUrl ?? null;
        if (session.status === 401) return setState({ status: "signed-out" });
        if (session.body?.role !== "secretary") return setState({ status: "forbidden" });
        const [registry, tokens, snapshot] = await Promise.all([
          registryToo
            ? read<{ volunteers: Volunteer[]; buildings: Building[]; households: Household[] }>(
                `/api/registry?community=${encodeURIComponent(community ?? screenCommunity())}`,
              )
            : null,
          read<{ tokens: SignIn[] }>("/api/tokens"),
          read<{ name?: string | null }>(`/api/snapshot?community=${encodeURIComponent(community ?? screenCommunity())}`),
        ]);
        const signIns = tokens.body?.tokens;
        if (!signIns || (registry && !registry.body))
          return setState({ status: "failed", message: `HTTP ${registry?.status}/${tokens.status}` });
        setState((s) => {
          const before = s.status === "ready" ? s : null;
          const volunteers = registry?.body?.volunteers ?? before?.volunteers;
          const buildings = registry?.body?.buildings ?? before?.buildings ?? [];
          const households = registry?.body?.households ?? before?.households ?? [];
          const name = snapshot.body?.name ?? null;
          return volunteers ? { status: "ready", volunteers, signIns, publicUrl, buildings, households, name } : s;
        });
      } catch {
        setState((s) => (s.status === "ready" ? s : { status: "failed", message: "the server cannot be reached" }));
      }
    },
    [community],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(false), REREAD_MS);
    return () => clearInterval(timer);
  }, [load]);
  return { state, reload: load };
}
