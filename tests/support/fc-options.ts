// Why: one place for the property runs' seed and size, so a failure names its seed and a longer local run is one variable away.
import type fc from "fast-check";

/** The seed: `FC_SEED` or a fixed default; fast-check prints it (with the path) in every failure. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261125);

/** `FC_SCALE=10` runs ten times as many cases (for a longer local soak). */
const SCALE = Number(process.env.FC_SCALE ?? 1);

export function fcOptions<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FC_SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), ...extra };
}
