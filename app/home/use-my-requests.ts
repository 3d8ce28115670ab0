"use client";
// A household's requests, read again every few seconds and when the phone comes back to the page (its token has no socket room).
import { useCallback, useEffect, useState } from "react";

export interface MyRequest {
  requestId: string;
  kind: string;
  urgent: boolean;
  person: string | null;
  note: string | null;
  status: "pending" | "approved" | "rejected" | "fulfilled" | "cancelled";
  openedAt: string;
  documents: { document: string; fileId: string | null; testedAt: string | null }[];
  decision: { basis: string | null; reason: string | null; note: string | null } | null;
}
export interface MyRequests {
  household: { householdId: string; building: string | null; unit: string | null };
  requests: MyRequest[];
}

export type MyState = { status: "loading" | "signed-out" | "forbidden" } | { status: "ready"; data: MyRequests; live: boolean; at: number };

/** How often the page asks again: a decision shows within this, with no socket. */
export const POLL_MS = 4000;

export function useMyRequests() {
  const [state, setState] = useState<MyState>({ status: "loading" });
  const load = useCallback(async () => {
    try {
      const r = await fetch("/api/my/requests", { credentials: "same-origin", cache: "no-store" });
      if (r.status === 401) return setState({ status: "signed-out" });
      if (r.status === 403) return setState({ status: "forbidden" });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const data = (await r.json()) as MyRequests;
      setState({ status: "ready", data, live: true, at: Date.now() });
    } catch {
      setState((s) => (s.status === "ready" ? { ...s, live: false } : s));
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void load();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onVisible);
    };
  }, [load]);
  return { state, reload: load };
}
