"use client";
// Loads one day's report for the page: the secretary's only, so a volunteer or display learns "forbidden" and no session "signed-out".
import { useEffect, useState } from "react";
import type { DailyReport } from "../../server/protocol/daily-report";
import type { Reasoned } from "../_i18n/reasons";

export type ReportState =
  | { status: "loading" | "signed-out" | "forbidden" }
  | { status: "failed"; message: string; error?: Reasoned }
  | { status: "ready"; report: DailyReport };

/** The report of `date` (today when null) for `community`, read again whenever either changes; nothing until `enabled`. */
export function useReport(community: string, date: string | null, enabled = true): ReportState {
  const [state, setState] = useState<ReportState>({ status: "loading" });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState({ status: "loading" });
    const q = new URLSearchParams({ community, ...(date ? { date } : {}) });
    fetch(`/api/reports/daily?${q}`, { credentials: "same-origin", cache: "no-store" })
      .then(async (r) => {
        if (!live) return;
        if (r.status === 401) return setState({ status: "signed-out" });
        if (r.status === 403) return setState({ status: "forbidden" });
        const body = (await r.json()) as DailyReport & { error?: { message: string; reason?: string; params?: object } };
        setState(
          r.ok
            ? { status: "ready", report: body }
            : { status: "failed", message: body.error?.message ?? `HTTP ${r.status}`, error: body.error },
        );
      })
      .catch(
        () => live && setState({ status: "failed", message: "the server cannot be reached", error: { reason: "server_unreachable" } }),
      );
    return () => {
      live = false;
    };
  }, [community, date, enabled]);
  return state;
}
