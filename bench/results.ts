// Why: everything one run measured, in one shape, so the report can set each figure beside its floor and polling.
import type { Engine } from "./common";
import type { EngineResult } from "./cordon-engine";
import type { DbFloors } from "./floor-db";
import type { PushFloor } from "./floor-push";
import type { LongFeedResult } from "./long-feed-reads";
import type { ManyResult } from "./many-subscribers";
import type { PollingResult } from "./polling";
import type { StreetResult } from "./street";
import type { WallResult } from "./wall-load";

export interface Results {
  startedAt: Date;
  quick: boolean;
  machine: { cpu: string; cores: number; ramGiB: number; node: string; postgres: string | null; pglite: string; load: number };
  engines: Engine[];
  dbFloors: Partial<Record<Engine, DbFloors>>;
  pushFloor?: PushFloor;
  cordon: Partial<Record<Engine, EngineResult>>;
  imports: Partial<Record<Engine, { rows: [string, string][]; toLastRowMs: number }>>;
  polling?: PollingResult;
  longFeed?: LongFeedResult;
  many?: ManyResult;
  wall?: WallResult;
  street?: StreetResult;
  /** Parts that failed, with why: the run goes on without them. */
  failures: { part: string; message: string }[];
  /** Each part's share of the cores' time the host took (CPU steal), by part name. */
  steal: Record<string, number>;
  durationMs?: number;
}
