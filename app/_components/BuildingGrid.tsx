import type { WallView } from "../../server/protocol/wall";
import { BuildingTile } from "./BuildingTile";
import { percent } from "./wall-format";

/** Every building as a tile, laid out to fill the area it is given without scrolling. */
export function BuildingGrid({
  buildings,
  title,
  sealedWord,
  positiveWord,
}: {
  buildings: WallView["buildings"];
  title: string;
  sealedWord: string;
  positiveWord: string;
}) {
  const n = Math.max(1, buildings.length);
  const cols = Math.max(4, Math.ceil(Math.sqrt(n * 1.9)));
  const rows = Math.ceil(n / cols);
  return (
    <section className="flex min-h-0 flex-col rounded-2xl bg-slate-900/60 p-4 ring-1 ring-slate-800">
      <h2 className="mb-2 text-xl font-medium text-slate-300">{title}</h2>
      <div
        data-grid
        className="grid min-h-0 flex-1 gap-1.5"
        style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}
      >
        {buildings.map((b) => (
          <BuildingTile
            key={b.buildingId}
            b={b}
            pct={percent(b.tested, b.households)}
            sealedWord={sealedWord}
            positiveWord={positiveWord}
          />
        ))}
      </div>
    </section>
  );
}
