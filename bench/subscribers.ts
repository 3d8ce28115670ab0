// Why: N socket.io subscribers spread over child processes, and the time from an action until every one holds its seq.
import { type Child, startChild } from "./child";
import { now } from "./common";

export interface Subscribers {
  count: number;
  /** Milliseconds it took to connect and subscribe them all. */
  connectMs: number;
  /** When the last subscriber (of all processes) came to hold `seq`. */
  allHold(seq: number, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

/** Opens `count` subscribers to `url`'s community, over `processes` child processes (default 2, one a core). */
export async function openSubscribers(
  url: string,
  token: string,
  count: number,
  opts: { processes?: number; community?: string; wave?: number } = {},
): Promise<Subscribers> {
  const processes = Math.max(1, Math.min(opts.processes ?? 2, count));
  const children: Child[] = Array.from({ length: processes }, () => startChild("subscribers-child.ts"));
  const t = now();
  try {
    await Promise.all(
      children.map((c, i) =>
        c.call("open", {
          url,
          token,
          count: Math.floor(count / processes) + (i < count % processes ? 1 : 0),
          community: opts.community,
          wave: opts.wave,
        }),
      ),
    );
  } catch (err) {
    await Promise.all(children.map((c) => c.close()));
    throw err;
  }
  return {
    count,
    connectMs: now() - t,
    async allHold(seq, timeoutMs) {
      const all = await Promise.all(children.map((c) => c.call<{ lastAt: number }>("wait", { seq, timeoutMs })));
      return Math.max(...all.map((a) => a.lastAt));
    },
    async close() {
      await Promise.all(children.map((c) => c.call("close").catch(() => {})));
      await Promise.all(children.map((c) => c.close()));
    },
  };
}
