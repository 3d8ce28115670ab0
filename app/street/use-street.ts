"use client";
// Why: the street wall's live state: one socket, the street view on every (re)connect, then counts per compound.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, StreetEntry } from "../../server/protocol/state";

export type StreetConnection = "connecting" | "live" | "reconnecting" | "offline";

export interface StreetState {
  entries: StreetEntry[];
  connection: StreetConnection;
  /** When the server was last heard (data or heartbeat), ms. */
  heardAt: number | null;
  forbidden: boolean;
}

const later = (a: string | null, b: string | null) => (a && b ? (Date.parse(a) > Date.parse(b) ? a : b) : (a ?? b));

/** The compounds this sign-in watches, kept current by the server's pushes; converges after any reconnect. */
export function useStreet(): StreetState {
  const [state, setState] = useState<StreetState>({ entries: [], connection: "connecting", heardAt: null, forbidden: false });
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      withCredentials: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    const heard = (patch: Partial<StreetState> = {}) => setState((s) => ({ ...s, ...patch, heardAt: Date.now() }));
    socket.on("connect", () =>
      socket.emit("street", (r) => {
        if (!r.ok) setState((s) => ({ ...s, forbidden: true }));
      }),
    );
    socket.on("street", (v) => heard({ entries: v.communities, connection: "live", forbidden: false }));
    socket.on("counts", (m) =>
      setState((s) => ({
        ...s,
        heardAt: Date.now(),
        entries: s.entries.map((e) =>
          e.community === m.community && m.seq > e.seq ? { ...e, seq: m.seq, counts: m.counts, lastEventAt: new Date().toISOString() } : e,
        ),
      })),
    );
    // Posts against their minimums and positives come whole, at most every 5 s; never older than what is shown.
    socket.on("streetEntry", (n) =>
      setState((s) => ({
        ...s,
        heardAt: Date.now(),
        // The last event's time: the later of the two, as a `counts` may have stamped it with this screen's clock.
        entries: s.entries.map((e) =>
          e.community === n.community && n.seq >= e.seq ? { ...n, lastEventAt: later(e.lastEventAt, n.lastEventAt) } : e,
        ),
      })),
    );
    socket.on("heartbeat", () => heard());
    socket.on("disconnect", () => setState((s) => ({ ...s, connection: navigator.onLine ? "reconnecting" : "offline" })));
    socket.on("connect_error", (err) =>
      setState((s) => ({
        ...s,
        forbidden: err.message.startsWith("unauthorized"),
        connection: navigator.onLine ? "reconnecting" : "offline",
      })),
    );
    const offline = () => setState((s) => ({ ...s, connection: "offline" }));
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("offline", offline);
      socket.close();
    };
  }, []);
  return state;
}
