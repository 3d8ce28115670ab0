// Why: an import of thousands of rows takes seconds; the bar shows the upload, then the server recording row by row.

/** A progress bar from 0 to 100 with what is happening; `data-progress` holds the whole percentage. */
export function ImportProgress({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        data-progress={value}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-800"
      >
        <div className="h-full bg-sky-400 transition-[width] duration-200" style={{ width: `${value}%` }} />
      </div>
      <p className="flex justify-between text-sm text-slate-400">
        <span>{label}</span>
        <span className="tabular-nums">{value} %</span>
      </p>
    </div>
  );
}
