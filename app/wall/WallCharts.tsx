"use client";
// Why: the charts come drawn from the server at the size of their box, so the wall never downloads a chart library.
import { useEffect, useMemo, useRef, useState } from "react";
import type { SeriesPoint } from "../../server/domain/wall-series";
import { type ChartKey, WALL_CHARTS, type WallChartsResponse } from "../../server/protocol/charts";
import { useBoxSize } from "../_components/use-box-size";

/** After a failed fetch (the server away), try again this soon: the series may not move for a while. */
const RETRY_MS = 5000;

/** The three chart cards; their SVG is asked for again when the points, the box or the language change. */
export function WallCharts({ points, titles, lang }: { points: SeriesPoint[]; titles: Record<ChartKey, string>; lang: string }) {
  const plot = useRef<HTMLDivElement>(null);
  const box = useBoxSize(plot);
  const [svg, setSvg] = useState<Record<ChartKey, string> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const series = useMemo(() => points.map((p) => `${p.t},${p.tests},${p.onDuty},${p.pending}`).join(";"), [points]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger: after a failed fetch, ask again
  useEffect(() => {
    if (!box || box.width < 40 || box.height < 40 || series === "") return;
    const q = new URLSearchParams({
      w: String(box.width),
      h: String(box.height),
      rem: String(box.rem),
      lang,
      tz: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    });
    const stop = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    fetch(`/api/wall/charts?${q}`, { signal: stop.signal })
      .then((r) => (r.ok ? (r.json() as Promise<WallChartsResponse>) : Promise.reject(new Error(`charts: ${r.status}`))))
      .then((r) => setSvg(r.charts))
      .catch(() => {
        if (!stop.signal.aborted) retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
      });
    return () => {
      stop.abort();
      clearTimeout(retry);
    };
  }, [box, series, lang, attempt]);
  return WALL_CHARTS.map((c, i) => (
    // Hidden overflow: while a resized box waits for its new picture, the old one never spills out of the card.
    <section
      key={c.key}
      data-chart={c.key}
      className="flex min-h-0 flex-col overflow-hidden rounded-2xl bg-slate-900/60 p-3 ring-1 ring-slate-800"
    >
      <h2 className="mb-1 text-lg font-medium text-slate-300">{titles[c.key]}</h2>
      {/* Over the box, so the picture never sizes it. */}
      <div ref={i === 0 ? plot : undefined} className="relative min-h-0 flex-1">
        {svg && (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own server's SVG, drawn by React from numbers and Intl clock times only
          <div className="absolute inset-0" dangerouslySetInnerHTML={{ __html: svg[c.key] }} />
        )}
      </div>
    </section>
  ));
}
