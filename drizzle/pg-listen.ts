// LISTEN on its own connection that always comes back: postgres.js's sql.listen gives up when its first retry fails.
import postgres from "postgres";
import type { PgSockets } from "./pg-watchdog";

type Sub = { onNotify: (payload: string) => void; onListen: () => void };

export interface PgListener {
  listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>>;
  /** Drops the LISTEN connection (say, it stopped hearing anything); it comes back by itself. Not over TLS (no sockets of ours). */
  restart(): void;
  close(): Promise<void>;
}

const RETRY_MS = 500;
const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

/**
 * One connection that only listens. Whenever it closes (server restart, backend terminated,
 * dropped as dead) it is opened again and every channel re-LISTENed, retrying every 500 ms until
 * the server answers; each subscriber's `onListen` then runs so it can catch up from its cursor.
 */
export function pgListener(
  url: string,
  options: postgres.Options<Record<string, postgres.PostgresType>>,
  sockets: PgSockets | null,
): PgListener {
  const subs = new Map<string, Set<Sub>>();
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let busy = false;

  const sql = postgres(url, {
    ...options,
    max: 1,
    idle_timeout: 0,
    max_lifetime: 0,
    fetch_types: false,
    onnotify: (channel: string, payload: string) => {
      for (const s of subs.get(channel) ?? []) s.onNotify(payload);
    },
    onclose: () => soon(0),
    ...(sockets ? { socket: sockets.open } : {}),
  } as postgres.Options<Record<string, postgres.PostgresType>>);

  async function establish(): Promise<void> {
    for (const channel of subs.keys()) await sql.unsafe(`listen ${quote(channel)}`);
    for (const set of subs.values()) for (const s of set) s.onListen();
  }

  function soon(delay: number): void {
    if (closed || busy || retry || subs.size === 0) return;
    retry = setTimeout(async () => {
      retry = undefined;
      busy = true;
      try {
        await establish();
        busy = false;
      } catch {
        busy = false;
        soon(RETRY_MS);
      }
    }, delay);
    retry.unref();
  }

  return {
    async listen(channel, onNotify, onListen) {
      const sub: Sub = { onNotify, onListen };
      const set = subs.get(channel) ?? new Set<Sub>();
      subs.set(channel, set);
      set.add(sub);
      try {
        await sql.unsafe(`listen ${quote(channel)}`);
      } catch (err) {
        set.delete(sub);
        if (set.size === 0) subs.delete(channel);
        throw err;
      }
      onListen();
      return async () => {
        set.delete(sub);
        if (set.size > 0 || subs.get(channel) !== set) return;
        subs.delete(channel);
        await sql.unsafe(`unlisten ${quote(channel)}`).catch(() => {});
      };
    },
    restart() {
      sockets?.destroyAll("LISTEN connection presumed dead");
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await sql.end({ timeout: 2 });
    },
  };
}
