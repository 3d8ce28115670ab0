// Why: the wall's three charts are drawn on the server (the display never downloads a chart library); screen and server share their names.
import type { SeriesPoint } from "../domain/wall-series";

/** The charts of the wall, left to right: which series, drawn how, in which colour. */
export const WALL_CHARTS = [
  { key: "tests", kind: "bar", color: "#34d399" },
  { key: "onDuty", kind: "area", color: "#60a5fa" },
  { key: "pending", kind: "area", color: "#fbbf24" },
] as const;

export type ChartKey = (typeof WALL_CHARTS)[number]["key"] & keyof SeriesPoint;

/** `GET /api/wall/charts`: each chart as SVG markup at the size asked for, and the feed position it was drawn at. */
export interface WallChartsResponse {
  seq: number;
  charts: Record<ChartKey, string>;
}
