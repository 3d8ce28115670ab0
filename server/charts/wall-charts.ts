// Why: every wall asks for the same three pictures whenever the series moves; draw each size and series once.
import type { SeriesPoint } from "../domain/wall-series";
import { type ChartKey, WALL_CHARTS } from "../protocol/charts";
import { type ChartBox, trendSvg } from "./trend-svg";

const CACHE_SIZE = 32;
const cache = new Map<string, Record<ChartKey, string>>();

/** The x-axis labels as the screen would write them: 24-hour clock times in its language and time zone. */
function clock(lang: string, timeZone: string): (t: number) => string {
  const f = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  return (t) => f.format(t);
}

/** The wall's three charts as SVG markup for a plot box of `box`, labelled for `lang` in `timeZone` (throws RangeError on an unknown zone). */
export function wallChartsSvg(points: readonly SeriesPoint[], box: ChartBox, lang: string, timeZone: string): Record<ChartKey, string> {
  const key = JSON.stringify([box.width, box.height, box.rem, lang, timeZone, points.map((p) => [p.t, p.tests, p.onDuty, p.pending])]);
  const hit = cache.get(key);
  if (hit) return hit;
  const tick = clock(lang, timeZone);
  const charts = Object.fromEntries(WALL_CHARTS.map((c) => [c.key, trendSvg(points, c, box, tick)])) as Record<ChartKey, string>;
  cache.set(key, charts);
  // Oldest first out: a Map keeps insertion order.
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return charts;
}
