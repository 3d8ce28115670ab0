"use client";
// Why: the desk shows the wall's three charts, from the same live wall view, at a laptop's size.
import { useCallback } from "react";
import type { SeriesPoint } from "../../server/domain/wall-series";
import type { DICTS } from "../_i18n/dict";
import { TrendChart } from "./TrendChart";
import { fmtClock } from "./wall-format";

const NO_POINTS: SeriesPoint[] = [];
const EIGHT_HOURS = 8 * 3_600_000;

/** Households tested, volunteers on duty and pending requests over the day, as on the wall. */
export function DeskCharts({ points, locale, t }: { points: SeriesPoint[] | undefined; locale: string; t: (typeof DICTS)["en"] }) {
  // Half the wall's labels (every 8 hours): a laptop's chart is a third as wide.
  const tick = useCallback((ms: number) => (ms % EIGHT_HOURS === 0 ? fmtClock(ms, locale) : ""), [locale]);
  const p = points ?? NO_POINTS;
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-3 [&>*]:h-56" data-desk-charts={p.length}>
      <TrendChart title={t.wall.chartTests} points={p} dataKey="tests" kind="bar" color="#34d399" tick={tick} />
      <TrendChart title={t.wall.chartOnDuty} points={p} dataKey="onDuty" kind="area" color="#60a5fa" tick={tick} />
      <TrendChart title={t.wall.chartPending} points={p} dataKey="pending" kind="area" color="#fbbf24" tick={tick} />
    </div>
  );
}
