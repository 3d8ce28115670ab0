import type { CountKey, Counts } from "../../server/protocol/state";

/** One of the eight numbers, in an element tests and people can find by `data-kpi`. */
export function KpiValue({
  name,
  counts,
  locale,
  className,
}: {
  name: CountKey;
  counts: Counts | undefined;
  locale: string;
  className?: string;
}) {
  const value = counts?.[name];
  return (
    <span data-kpi={name} className={`tabular-nums ${className ?? ""}`}>
      {value === undefined ? "–" : new Intl.NumberFormat(locale).format(value)}
    </span>
  );
}
