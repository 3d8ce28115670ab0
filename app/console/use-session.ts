"use client";
// Who this phone is signed in as (GET /api/session), read again as the feed moves so "on duty" stays true.
import { useEffect, useRef, useState } from "react";
import type { Role } from "../../server/protocol/vocabularies";
import { keepSession, keptSession } from "./kept";

export interface SessionVolunteer {
  volunteerId: string;
  community: string;
  name: string | null;
  onDuty: boolean;
  post: string | null;
}

export interface Session {
  role: Role;
  label: string;
  /** Set when the token belongs to one volunteer: the phone then acts only as them. */
  volunteer?: SessionVolunteer;
}

/** A burst of events costs one read. */
const SETTLE_MS = 300;

/** The session, or null before it is known or when signed out; re-read after `seq` moves, for a volunteer's own token. */
export function useSession(seq: number | undefined): Session | null {
  const [session, setSession] = useState<Session | null>(null);
  const read = useRef(false);
  const bound = session?.volunteer !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: seq is the trigger: the feed moved, so on duty may have changed
  useEffect(() => {
    if (read.current && !bound) return;
    const timer = setTimeout(
      () => {
        read.current = true;
        fetch("/api/session", { credentials: "same-origin", cache: "no-store" })
          .then((r) => (r.ok ? (r.json() as Promise<Session>) : null))
          .then((s) => {
            keepSession(s);
            setSession(s);
          })
          // No connection: who this phone was signed in as last time.
          .catch(() => setSession((s) => s ?? keptSession()));
      },
      read.current ? SETTLE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [seq, bound]);
  return session;
}
