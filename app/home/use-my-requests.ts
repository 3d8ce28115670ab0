"use client";
// A household's requests, read again every few seconds and when the phone comes back to the page (its token has no socket room).
import { useCallback, useEffect, useState } from "react";

/** A pass as the household reads it (contract section 8), with when its code changes. */
export interface MyPass {
  code: string;
  codeChangesAt: string;
  until: string;
  tripHours: number | null;
  state: "inside" | "outside";
  outAt: string | null;
  returnBy: string | null;
  overdue: boolean;
}

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
  pass: MyPass | null;
}
export interface MyRequests {
  household: { householdId: string; building: string | null; unit: string | null };
  requests: MyRequest[];
}

export type MyState = { status: "loading" | "signed-out" | "forbidden" } | { status: "ready"; data: MyRequests; live: boolean; at: number };

/** How often the page asks again: a decision shows within this, with no socket. */
export const POLL_MS = 4000;

/** The first moment a pass's code shown now changes, or null: the page asks again right then, whatever the poll. */
export function nextCodeChange(data: MyRequests | null): number | null {
  const at = (data?.requests ?? []).map((r) => (r.pass ? Date.parse(r.pass.codeChangesAt) : Number.NaN)).filter((t) => !Number.isNaN(t));
  return at.length ? Math.min(...at) : null;
}

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
  // The QR shown follows its code: asked again the moment the code changes (a throttled background tab's poll may lag).
  const change = nextCodeChange(state.status === "ready" ? state.data : null);
  useEffect(() => {
    if (change === null) return;
    const timer = setTimeout(() => void load(), Math.max(0, change - Date.now()) + 250);
    return () => clearTimeout(timer);
  }, [change, load]);
  return { state, reload: load };
}
