"use client";
import { memo } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "../../server/domain/wall-series";
import { useRootRem } from "./use-root-rem";

// Read from across the room: 18 px at 1080p (slate-300 on the card, well over 4.5:1).
const AXIS = { fill: "#cbd5e1", stroke: "none", fontSize: "1.125rem" };

/**
 * One day of one series. Animation is off and the data keeps its shape (a fixed window of
 * buckets), so a new point updates the SVG in place instead of redrawing or animating it.
 */
export const TrendChart = memo(function TrendChart({
  title,
  points,
  dataKey,
  kind,
  color,
  tick,
}: {
  title: string;
  points: SeriesPoint[];
  dataKey: "tests" | "onDuty" | "pending";
  kind: "bar" | "area";
  color: string;
  tick: (t: number) => string;
}) {
  // Axes sized in rem like their text: room on the right for half of the last time label, centred on the edge.
  const rem = useRootRem();
  const margin = { top: 4, right: Math.round(1.75 * rem), bottom: 0, left: 0 };
  const ticks = points.filter((p) => p.t % (4 * 3_600_000) === 0).map((p) => p.t);
  const axes = [
    <CartesianGrid key="g" stroke="#1e293b" vertical={false} />,
    <XAxis
      key="x"
      dataKey="t"
      ticks={ticks}
      tickFormatter={tick}
      tick={AXIS}
      stroke="#334155"
      interval={0}
      height={Math.round(1.9 * rem)}
    />,
    <YAxis key="y" allowDecimals={false} tick={AXIS} stroke="#334155" width={Math.round(3 * rem)} />,
  ];
  const style = { width: "100%", height: "100%" };
  return (
    <section data-chart={dataKey} className="flex min-h-0 flex-col rounded-2xl bg-slate-900/60 p-3 ring-1 ring-slate-800">
      <h2 className="mb-1 text-lg font-medium text-slate-300">{title}</h2>
      <div className="min-h-0 flex-1">
        {kind === "bar" ? (
          <BarChart responsive data={points} style={style} margin={margin}>
            {axes}
            <Bar dataKey={dataKey} fill={color} isAnimationActive={false} />
          </BarChart>
        ) : (
          <AreaChart responsive data={points} style={style} margin={margin}>
            {axes}
            <Area
              type="stepAfter"
              dataKey={dataKey}
              stroke={color}
              strokeWidth={3}
              fill={color}
              fillOpacity={0.2}
              isAnimationActive={false}
              dot={false}
            />
          </AreaChart>
        )}
      </div>
    </section>
  );
});
