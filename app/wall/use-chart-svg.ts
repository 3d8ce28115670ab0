"use client";
// Why: the wall's chart pictures follow the data without chasing every update: a busy round moves the series every
// second, and a fetch cancelled by the next update would never finish. A new size or language is fetched at once.
import { useEffect, useRef, useState } from "react";
import type { ChartKey, WallChartsResponse } from "../../server/protocol/charts";
import { screenCommunity } from "../_live/community";

/** Least time between two fetches for new points: the bars are per 15 minutes; ten seconds is soon enough. */
const DATA_GAP_MS = 10_000;
/** After a failed fetch (the server away), try again this soon. */
const RETRY_MS = 5000;

export interface ChartAsk {
  /** The query for a box and a language (`w`, `h`, `rem`, `lang`, `tz`); null until the box is measured. */
  shape: string | null;
  /** The points, as a string that changes when they do; empty before the first wall view. */
  series: string;
}

/** The latest chart pictures for `ask`: one fetch at a time, then the newest ask; new points at most every 10 s. */
export function useChartSvg(ask: ChartAsk): Record<ChartKey, string> | null {
  const [svg, setSvg] = useState<Record<ChartKey, string> | null>(null);
  const latest = useRef(ask);
  latest.current = ask;
  const kickRef = useRef<() => void>(() => {});
  useEffect(() => {
    const stop = new AbortController();
    let shown = { shape: "", series: "" };
    let busy = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let startedAt = 0;
    let failedAt = 0;
    const fetchNow = () => {
      timer = undefined;
      const a = latest.current;
      busy = true;
      startedAt = Date.now();
      fetch(`/api/wall/charts?community=${encodeURIComponent(screenCommunity())}&${a.shape}`, { signal: stop.signal })
        .then((r) => (r.ok ? (r.json() as Promise<WallChartsResponse>) : Promise.reject(new Error(`charts: ${r.status}`))))
        .then((r) => {
          shown = { shape: a.shape ?? "", series: a.series };
          failedAt = 0;
          setSvg(r.charts);
        })
        .catch(() => {
          failedAt = Date.now();
        })
        .finally(() => {
          busy = false;
          kick();
        });
    };
    const kick = () => {
      const a = latest.current;
      if (stop.signal.aborted || busy || timer !== undefined || a.shape === null || a.series === "") return;
      if (a.shape === shown.shape && a.series === shown.series) return;
      const now = Date.now();
      let wait = failedAt > 0 ? failedAt + RETRY_MS - now : 0;
      if (a.shape === shown.shape) wait = Math.max(wait, startedAt + DATA_GAP_MS - now);
      timer = setTimeout(fetchNow, Math.max(0, wait));
    };
    kickRef.current = kick;
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ask's parts are the trigger; the scheduler reads the latest ask itself
  useEffect(() => kickRef.current(), [ask.shape, ask.series]);
  return svg;
}
