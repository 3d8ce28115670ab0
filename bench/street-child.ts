// Why: the street bench's load and its watchers, each in a process of its own: one paces events over the compounds and
// notes when each was accepted; the other holds a street wall's socket and every compound's wall socket and notes when
// each compound's seq was first seen, so staleness is a difference of two times on this machine's clock.
import http from "node:http";
import { io, type Socket } from "socket.io-client";
import { serveParent } from "./child";
import { now, p50, p99 } from "./common";

const MAX_IN_FLIGHT = 64;
const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });

function post(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const u = new URL("/api/events", url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: "POST",
        agent,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Per compound: the next household to swab, and which volunteers are on duty. */
const state = new Map<string, { next: number; onDuty: Set<number>; k: number }>();

/**
 * A compound's next event: nine swabs in ten, then a volunteer checking in or out (so posts move against their
 * minimums); a result for a household already swabbed when every one has been.
 */
function nextEvent(community: string, households: number, volunteers: number) {
  const s = state.get(community) ?? { next: 0, onDuty: new Set<number>(), k: 0 };
  state.set(community, s);
  const k = s.k++;
  const e = (type: string, payload: object) => ({ type, community, payload });
  if (k % 10 === 9) {
    const v = Math.floor(k / 10) % volunteers;
    if (s.onDuty.has(v)) {
      s.onDuty.delete(v);
      return e("volunteer.checked_out", { volunteerId: `v${v}` });
    }
    s.onDuty.add(v);
    return e("volunteer.checked_in", { volunteerId: `v${v}`, post: v % 3 === 0 ? "gate" : "testing" });
  }
  const h = s.next++;
  if (h < households) return e("household.tested", { roundId: "r1", householdId: `h${h}` });
  return e("test.result", { roundId: "r1", householdId: `h${h % households}`, result: h % 97 === 0 ? "positive" : "negative" });
}

interface Watched {
  socket: Socket;
  kind: "street" | "wall";
}
const watched: Watched[] = [];
/** Each message that carried a compound's seq: [compound, seq, when, 0 street / 1 wall]. */
let seen: [string, number, number, 0 | 1][] = [];

serveParent({
  /**
   * Posts single events at `rate` a second for `durationMs`, round robin over `communities`, open loop (each on
   * time whether the last is answered or not). Returns each accepted one as [compound, seq, when accepted].
   */
  async post(a: {
    url: string;
    token: string;
    rate: number;
    durationMs: number;
    communities: string[];
    households: number;
    volunteers: number;
  }) {
    const accepted: [string, number, number][] = [];
    const latencies: number[] = [];
    const failures: string[] = [];
    const pending: Promise<void>[] = [];
    const start = now();
    const cpu0 = process.cpuUsage();
    let sent = 0;
    let inFlight = 0;
    let capped = 0;
    while (now() - start < a.durationMs && failures.length < 20) {
      const due = Math.floor(((now() - start) / 1000) * a.rate);
      // At most MAX_IN_FLIGHT unanswered: past that the server is behind, and a queue in this process would only hide it.
      if (inFlight >= MAX_IN_FLIGHT && sent < due) capped++;
      for (; sent < due && inFlight < MAX_IN_FLIGHT; sent++) {
        inFlight++;
        const c = a.communities[sent % a.communities.length] as string;
        const body = JSON.stringify(nextEvent(c, a.households, a.volunteers));
        const t = now();
        pending.push(
          post(a.url, a.token, body)
            .then(
              (r) => {
                const at = now();
                if (r.status !== 201) return void failures.push(`${r.status} ${r.text.slice(0, 200)}`);
                const seq = (JSON.parse(r.text) as { accepted: { seq: number }[] }).accepted[0]?.seq ?? 0;
                accepted.push([c, seq, at]);
                latencies.push(at - t);
              },
              (err: Error) => void failures.push(err.message),
            )
            .finally(() => inFlight--),
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(pending);
    const cpu = process.cpuUsage(cpu0);
    const elapsed = now() - start;
    return {
      accepted,
      sent,
      /** Ticks when the load was held back because MAX_IN_FLIGHT posts were unanswered. */
      capped,
      failures: failures.slice(0, 5),
      failed: failures.length,
      eventsPerSecond: accepted.length / (elapsed / 1000),
      postP50: p50(latencies),
      postP99: p99(latencies),
      clientCpu: (cpu.user + cpu.system) / 1000 / elapsed,
    };
  },
  /**
   * A street wall's socket (`street`, then `counts` for each compound) and one wall socket per compound
   * (`subscribe` with `wall: true`, each with its compound's display token), all over WebSocket.
   */
  async watch(a: { url: string; streetToken: string; walls: { community: string; token: string }[] }) {
    const open = (token: string, kind: "street" | "wall", community?: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = io(a.url, { auth: { token }, transports: ["websocket"], forceNew: true, timeout: 60_000 });
        watched.push({ socket, kind });
        const tag = kind === "street" ? 0 : 1;
        const note = (m: { community: string; seq: number }) => seen.push([m.community, m.seq, now(), tag]);
        socket.on("connect", () => {
          if (kind === "street")
            socket.emit("street", (r: { ok: boolean; error?: string }) => (r.ok ? resolve() : reject(new Error(r.error))));
          else
            socket.emit("subscribe", { community, wall: true }, (r: { ok: boolean; error?: string }) =>
              r.ok ? resolve() : reject(new Error(r.error)),
            );
        });
        socket.on("connect_error", (err) => reject(err));
        socket.on("counts", note);
        socket.on("snapshot", note);
        socket.on("street", (v: { communities: { community: string; seq: number }[] }) => {
          for (const c of v.communities) note(c);
        });
      });
    await open(a.streetToken, "street");
    for (const w of a.walls) await open(w.token, "wall", w.community);
    return watched.length;
  },
  /** What was seen since the last call (and forgets it). */
  take() {
    const out = seen;
    seen = [];
    return out;
  },
  close() {
    for (const w of watched) w.socket.close();
    return watched.length;
  },
});
