"use client";
// Why: the queue shows as many rows as its box holds at 18 px, whatever the alarms and the layout leave it.
import { useRef } from "react";
import type { WallView } from "../../server/protocol/wall";
import { RequestQueue } from "../_components/RequestQueue";
import { useBoxSize } from "../_components/use-box-size";
import type { DICTS } from "../_i18n/dict";

/** In rem: the section's padding, title, table head and "+N more" line; and one row (text-lg, py-0.5, a border). */
const CHROME_REM = 8.1;
const ROW_REM = 2.1;

/** RequestQueue filling its grid cell: the rows are counted from the cell's measured height. */
export function FittedQueue(props: {
  queue: WallView["queue"];
  labels: ReadonlyMap<string, string>;
  now: number;
  locale: string;
  t: (typeof DICTS)["en"]["wall"];
}) {
  const cell = useRef<HTMLDivElement>(null);
  const box = useBoxSize(cell);
  const rows = box ? Math.max(1, Math.floor((box.height / box.rem - CHROME_REM) / ROW_REM)) : 3;
  return (
    <div ref={cell} className="grid min-h-0 min-w-0 overflow-hidden">
      <RequestQueue {...props} rows={rows} />
    </div>
  );
}
