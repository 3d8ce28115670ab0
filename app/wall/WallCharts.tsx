"use client";
// Why: the charts come drawn from the server at the size of their box, so the wall never downloads a chart library.
import { useMemo, useRef } from "react";
import type { SeriesPoint } from "../../server/domain/wall-series";
import { type ChartKey, WALL_CHARTS } from "../../server/protocol/charts";
import { useBoxSize } from "../_components/use-box-size";
import { useChartSvg } from "./use-chart-svg";

/** The three chart cards; their SVG is asked for again when the points, the box or the language change. */
export function WallCharts({ points, titles, lang }: { points: SeriesPoint[]; titles: Record<ChartKey, string>; lang: string }) {
  const plot = useRef<HTMLDivElement>(null);
  const box = useBoxSize(plot);
  const series = useMemo(() => points.map((p) => `${p.t},${p.tests},${p.onDuty},${p.pending}`).join(";"), [points]);
  const shape =
    box && box.width >= 40 && box.height >= 40
      ? new URLSearchParams({
          w: String(box.width),
          h: String(box.height),
          rem: String(box.rem),
          lang,
          tz: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
        }).toString()
      : null;
  const svg = useChartSvg({ shape, series });
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
