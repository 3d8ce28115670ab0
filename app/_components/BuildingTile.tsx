import type { WallView } from "../../server/protocol/wall";

type Building = WallView["buildings"][number];

/** One building: sealed or open by colour, the share of its households tested; sealed or positive stands out. */
export function BuildingTile({ b, pct, sealedWord, positiveWord }: { b: Building; pct: number; sealedWord: string; positiveWord: string }) {
  const tone = b.positives > 0 ? "bg-red-950 ring-red-400" : b.sealed ? "bg-amber-950 ring-amber-400" : "bg-slate-900 ring-slate-700";
  return (
    <div
      data-building={b.buildingId}
      data-sealed={b.sealed}
      data-positive={b.positives > 0}
      className={`relative flex min-h-0 min-w-0 flex-col justify-between overflow-hidden rounded-lg px-2 py-1 ring-2 ${tone}`}
    >
      <div className="absolute inset-x-0 bottom-0 bg-emerald-500/25" style={{ height: `${pct}%` }} aria-hidden />
      <div className="relative truncate text-base font-semibold text-slate-100">{b.label}</div>
      <div className="relative flex items-baseline justify-between gap-1">
        <span data-tested-share className="text-xl font-bold tabular-nums">
          {pct}%
        </span>
        {(b.sealed || b.positives > 0) && (
          <span className={`truncate text-sm font-semibold ${b.positives > 0 ? "text-red-300" : "text-amber-300"}`}>
            {b.positives > 0 ? `${positiveWord} ${b.positives}` : sealedWord}
          </span>
        )}
      </div>
    </div>
  );
}
