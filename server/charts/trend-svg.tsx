// Why: the wall's charts drawn with recharts' own primitives on the server, at the size the screen measured, so the
// display gets finished SVG. (Recharts 3's chart containers draw only after browser effects, so they cannot render here.)
import { renderToStaticMarkup } from "react-dom/server";
import { CartesianAxis, Curve, getNiceTickValues, Rectangle, Surface } from "recharts";
import type { SeriesPoint } from "../domain/wall-series";
import type { ChartKey } from "../protocol/charts";

/** The plot's size in px and the screen's px per rem (16 at 1080p, 32 at 4K): margins and axes scale with the text. */
export interface ChartBox {
  width: number;
  height: number;
  rem: number;
}

export interface TrendSpec {
  key: ChartKey;
  kind: "bar" | "area";
  color: string;
}

// Read from across the room: 18 px at 1080p (slate-300 on the card, well over 4.5:1).
const AXIS = { fill: "#cbd5e1", stroke: "none", fontSize: "1.125rem" };
const AXIS_LINE = "#334155";
const GRID_LINE = "#1e293b";
/** A time label every four hours. */
const TICK_EVERY_MS = 4 * 3_600_000;
/** Recharts' default gap between categories: a tenth of the band on each side of a bar. */
const BAR_GAP = 0.1;
/** Coordinates to a hundredth of a pixel: the same picture in a third of the markup. */
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * One day of one series as an SVG string: the layout of recharts' BarChart/AreaChart with a category x-axis
 * (bands for bars, points for areas), a zero-based y-axis with whole-number ticks, horizontal grid lines only.
 * `tick` formats a bucket's start (ms) as the x-axis label.
 */
export function trendSvg(points: readonly SeriesPoint[], spec: TrendSpec, box: ChartBox, tick: (t: number) => string): string {
  const { width, height, rem } = box;
  const left = Math.round(3 * rem);
  const right = width - Math.round(1.75 * rem);
  const top = 4;
  const bottom = height - Math.round(1.9 * rem);
  const plotW = Math.max(0, right - left);
  const plotH = Math.max(0, bottom - top);
  const n = Math.max(1, points.length);
  const values = points.map((p) => p[spec.key]);
  const yTicks = getNiceTickValues([0, Math.max(0, ...values)], 5, false) as number[];
  const yMax = yTicks[yTicks.length - 1] || 1;
  const y = (v: number) => r2(bottom - (v / yMax) * plotH);
  const band = plotW / n;
  // Bars sit in bands and their labels in the middle of a band; an area's points run edge to edge.
  const x = (i: number) => r2(spec.kind === "bar" ? left + i * band + band / 2 : left + (n > 1 ? (i * plotW) / (n - 1) : plotW / 2));
  const xTicks = points.flatMap((p, i) => (p.t % TICK_EVERY_MS === 0 ? [{ value: p.t, coordinate: x(i), index: i }] : []));
  const viewBox = { x: 0, y: 0, width, height };
  const line = points.map((p, i) => ({ x: x(i), y: y(p[spec.key]) }));
  const series =
    spec.kind === "bar" ? (
      <g className="recharts-layer recharts-bar">
        {points.map((p, i) =>
          p[spec.key] > 0 ? (
            <Rectangle
              key={p.t}
              x={r2(left + i * band + band * BAR_GAP)}
              y={y(p[spec.key])}
              width={r2(band * (1 - 2 * BAR_GAP))}
              height={bottom - y(p[spec.key])}
              fill={spec.color}
            />
          ) : null,
        )}
      </g>
    ) : (
      <g className="recharts-layer recharts-area">
        <Curve
          type="stepAfter"
          points={line}
          baseLine={bottom}
          stroke="none"
          fill={spec.color}
          fillOpacity={0.2}
          className="recharts-area-area"
        />
        <Curve type="stepAfter" points={line} stroke={spec.color} strokeWidth={3} fill="none" className="recharts-area-curve" />
      </g>
    );
  return renderToStaticMarkup(
    <Surface width={width} height={height} style={{ display: "block", overflow: "visible" }}>
      <g className="recharts-cartesian-grid">
        {yTicks.map((v) => (
          <line key={v} x1={left} x2={right} y1={y(v)} y2={y(v)} stroke={GRID_LINE} fill="none" />
        ))}
      </g>
      {series}
      <CartesianAxis
        x={left}
        y={bottom}
        width={plotW}
        height={height - bottom}
        orientation="bottom"
        viewBox={viewBox}
        ticks={xTicks}
        tickFormatter={tick}
        tick={AXIS}
        stroke={AXIS_LINE}
        interval={0}
      />
      <CartesianAxis
        x={0}
        y={top}
        width={left}
        height={plotH}
        orientation="left"
        viewBox={viewBox}
        ticks={yTicks.map((v, index) => ({ value: v, coordinate: y(v), index }))}
        tick={AXIS}
        stroke={AXIS_LINE}
        interval={0}
      />
    </Surface>,
  );
}
