// Why: subscribers live in their own process (the benchmark process must not be the one slowing them down);
// each notes when it first held each seq, so "every subscriber holds seq N" is a time, not a polling loop.
import { io, type Socket } from "socket.io-client";
import { serveParent } from "./child";
import { now } from "./common";

interface Sub {
  socket: Socket;
  seq: number;
  /** The last seqs it moved to, and when. */
  seen: { seq: number; at: number }[];
}
interface Waiter {
  seq: number;
  hit: boolean[];
  n: number;
  firstAt: number;
  lastAt: number;
  resolve(v: { firstAt: number; lastAt: number }): void;
}

const subs: Sub[] = [];
let waiter: Waiter | null = null;

function moved(sub: Sub, i: number, seq: number) {
  if (seq <= sub.seq) return;
  const at = now();
  sub.seq = seq;
  sub.seen.push({ seq, at });
  if (sub.seen.length > 64) sub.seen.shift();
  const w = waiter;
  if (!w || seq < w.seq || w.hit[i]) return;
  w.hit[i] = true;
  w.n++;
  w.firstAt = Math.min(w.firstAt, at);
  w.lastAt = Math.max(w.lastAt, at);
  if (w.n === subs.length) {
    waiter = null;
    w.resolve({ firstAt: w.firstAt, lastAt: w.lastAt });
  }
}

function connectOne(url: string, token: string, community: string): Promise<void> {
  const i = subs.length;
  const socket = io(url, { auth: { token }, transports: ["websocket"], forceNew: true, reconnection: false, timeout: 60_000 });
  const sub: Sub = { socket, seq: -1, seen: [] };
  subs.push(sub);
  return new Promise((resolve, reject) => {
    socket.on("connect", () => socket.emit("subscribe", { community }));
    socket.on("connect_error", (err) => reject(new Error(`subscriber ${i}: ${err.message}`)));
    socket.on("problem", (p: { message?: string }) => reject(new Error(`subscriber ${i}: ${p.message}`)));
    socket.on("snapshot", (m: { seq: number }) => {
      moved(sub, i, m.seq);
      resolve();
    });
    socket.on("counts", (m: { seq: number }) => moved(sub, i, m.seq));
  });
}

serveParent({
  /** Connects `count` subscribers, `wave` at a time, each subscribed and holding its snapshot. */
  async open(a: { url: string; token: string; count: number; community?: string; wave?: number }) {
    const t = now();
    for (let done = 0; done < a.count; ) {
      const n = Math.min(a.wave ?? 100, a.count - done);
      await Promise.all(Array.from({ length: n }, () => connectOne(a.url, a.token, a.community ?? "default")));
      done += n;
    }
    return { ms: now() - t, held: subs.length };
  },
  /** When the first and the last subscriber came to hold `seq` or later (waits for it). */
  wait(a: { seq: number; timeoutMs?: number }) {
    return new Promise<{ firstAt: number; lastAt: number }>((resolve, reject) => {
      const w: Waiter = { seq: a.seq, hit: subs.map(() => false), n: 0, firstAt: Infinity, lastAt: 0, resolve };
      subs.forEach((sub, i) => {
        const at = sub.seen.find((s) => s.seq >= a.seq)?.at;
        if (at === undefined) return;
        w.hit[i] = true;
        w.n++;
        w.firstAt = Math.min(w.firstAt, at);
        w.lastAt = Math.max(w.lastAt, at);
      });
      if (w.n === subs.length) return resolve({ firstAt: w.firstAt, lastAt: w.lastAt });
      waiter = w;
      const timer = setTimeout(() => {
        if (waiter !== w) return;
        waiter = null;
        reject(new Error(`${subs.length - w.n} of ${subs.length} subscribers never held seq ${a.seq}`));
      }, a.timeoutMs ?? 10_000);
      const done = w.resolve;
      w.resolve = (v) => {
        clearTimeout(timer);
        done(v);
      };
    });
  },
  /** How many are still connected. */
  connected: () => subs.filter((s) => s.socket.connected).length,
  close() {
    for (const s of subs) s.socket.close();
    subs.length = 0;
    return true;
  },
});
