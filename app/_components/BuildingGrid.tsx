"use client";
// Why: every building on one screen, from 12 to 120, each label and share legible and apart (see grid-plan.ts).
import { useRef } from "react";
import type { WallView } from "../../server/protocol/wall";
import { BuildingTile } from "./BuildingTile";
import { planGrid, TILE } from "./grid-plan";
import { textEm } from "./text-width";
import { useBoxSize } from "./use-box-size";
import { percent } from "./wall-format";

/** Every building as a tile, laid out to fill the area it is given without scrolling; its text sized to the tiles. */
export function BuildingGrid({
  buildings,
  title,
  sealedWord,
  positiveWord,
  onSelect,
}: {
  buildings: WallView["buildings"];
  title: string;
  sealedWord: string;
  positiveWord: string;
  /** Where a tile may be picked (the desk): called with its buildingId. */
  onSelect?: (buildingId: string) => void;
}) {
  const grid = useRef<HTMLDivElement>(null);
  const box = useBoxSize(grid);
  const family = box?.family ?? "sans-serif";
  const labelEm = Math.max(0, ...buildings.map((b) => textEm(b.label, 600, family)));
  const shareEm = textEm("100%", 700, family);
  const plan = planGrid(buildings.length, labelEm, shareEm, box);
  const rem = box?.rem ?? 16;
  const fontPx = Math.max(plan.fontPx, TILE.minRem * rem);
  const gap = TILE.gapRem * rem;
  // The tile's width in em, to tell whether a "sealed" or "positive 2" word still fits beside the share.
  const tileEm = box ? (box.width - (plan.cols - 1) * gap) / plan.cols / fontPx : 0;
  return (
    <section className="flex min-h-0 flex-col rounded-2xl bg-slate-900/60 p-4 ring-1 ring-slate-800">
      <div className="mb-2 flex items-baseline justify-between gap-4">
        <h2 className="truncate text-xl font-medium text-slate-300">{title}</h2>
        {/* The tiles' colours, named once: a tile too small for "sealed" or "positive 2" still says it by colour. */}
        <p data-legend className="flex shrink-0 gap-4 text-lg text-slate-300">
          <span className="flex items-center gap-2">
            <span aria-hidden className="size-3.5 rounded-sm bg-amber-950 ring-2 ring-amber-400" />
            {sealedWord}
          </span>
          <span className="flex items-center gap-2">
            <span aria-hidden className="size-3.5 rounded-sm bg-red-950 ring-2 ring-red-400" />
            {positiveWord}
          </span>
        </p>
      </div>
      <div
        ref={grid}
        data-grid
        data-cols={plan.cols}
        data-stacked={plan.stacked}
        className="grid min-h-0 flex-1"
        style={{
          gap: `${TILE.gapRem}rem`,
          fontSize: `max(${TILE.minRem}rem, ${plan.fontPx.toFixed(2)}px)`,
          gridTemplateColumns: `repeat(${plan.cols}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${plan.rows}, minmax(0, 1fr))`,
        }}
      >
        {buildings.map((b) => {
          const flag = b.positives > 0 ? `${positiveWord} ${b.positives}` : b.sealed ? sealedWord : null;
          const used = plan.stacked ? shareEm : textEm(b.label, 600, family) + TILE.gapEm + shareEm;
          const room = flag !== null && used + TILE.gapEm + textEm(flag, 600, family) + 2 * TILE.padX <= tileEm;
          return (
            <BuildingTile
              key={b.buildingId}
              b={b}
              pct={percent(b.tested, b.households)}
              flag={room ? flag : null}
              stacked={plan.stacked}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </section>
  );
}
