import type { WallView } from "../../server/protocol/wall";
import { selectable } from "./selectable";

type Building = WallView["buildings"][number];

/**
 * One building: sealed or open by colour, the share of its households tested; sealed or positive stands out.
 * Sized in em of the grid's text size: the label on its own line (`stacked`) or beside the share, never under it.
 */
export function BuildingTile({
  b,
  pct,
  flag,
  stacked,
  onSelect,
}: {
  b: Building;
  pct: number;
  /** "sealed" or "positive 2" when the tile has room for it; its colour says so anyway. */
  flag: string | null;
  stacked: boolean;
  onSelect?: (buildingId: string) => void;
}) {
  const tone = b.positives > 0 ? "bg-red-950 ring-red-400" : b.sealed ? "bg-amber-950 ring-amber-400" : "bg-slate-900 ring-slate-700";
  const flagTone = b.positives > 0 ? "text-red-200" : "text-amber-200";
  return (
    <div
      data-building={b.buildingId}
      data-sealed={b.sealed}
      data-positive={b.positives > 0}
      {...(onSelect ? selectable(() => onSelect(b.buildingId)) : {})}
      className={`relative flex min-h-0 min-w-0 overflow-hidden rounded-lg px-[0.3em] py-[0.12em] leading-[1.25] ring-2 ${tone} ${
        stacked ? "flex-col justify-between" : "items-center gap-[0.4em]"
      }`}
    >
      <div className="absolute inset-x-0 bottom-0 bg-emerald-500/25" style={{ height: `${pct}%` }} aria-hidden />
      <div data-label className="relative whitespace-nowrap font-semibold text-slate-50">
        {b.label}
      </div>
      {!stacked && flag && <span className={`relative whitespace-nowrap font-semibold ${flagTone}`}>{flag}</span>}
      <div className={`relative flex items-baseline gap-[0.4em] whitespace-nowrap ${stacked ? "" : "ml-auto"}`}>
        <span data-tested-share className="inline-block font-bold tabular-nums">
          {pct}%
        </span>
        {stacked && flag && <span className={`font-semibold ${flagTone}`}>{flag}</span>}
      </div>
    </div>
  );
}
