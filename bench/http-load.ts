// Why: the parent's handle on the HTTP load generator (bench/posters-child.ts), one process for the whole run.
import { type Child, startChild } from "./child";
import { ADMIN } from "./common";

export interface PostLoad {
  eventsPerSecond: number;
  requestsPerSecond: number;
  /** Each POST's milliseconds until its answer. */
  p50: number;
  p99: number;
  /** The generator's CPU as a share of one core: near 1, it is the generator that limits. */
  clientCpu: number;
}

let child: Child | null = null;
const load = () => {
  child ??= startChild("posters-child.ts");
  return child;
};

/** `concurrency` keep-alive posters of single events (or batches of `batch`) for `durationMs` after `warmupMs`. */
export function postLoad(
  url: string,
  opts: { concurrency: number; batch?: number; durationMs: number; warmupMs: number; path?: string },
): Promise<PostLoad> {
  return load().call<PostLoad>("run", { url, token: ADMIN, ...opts });
}

/** `count` sequential GETs of `path` on one keep-alive connection: each one's milliseconds. */
export function getTimes(url: string, path: string, count: number): Promise<number[]> {
  return load().call<number[]>("get", { url, token: ADMIN, path, count });
}

export async function closeLoad(): Promise<void> {
  await child?.close();
  child = null;
}
