// Why: the authorisation matrix asks each socket one question (refused, connected, what it received) and keeps every raw frame.
import { connect, type TestSocket } from "./socket";
import { waitFor } from "./wait";

export interface Probe {
  socket: TestSocket;
  /** Every engine.io frame received, raw, so nothing personal can hide in a frame the typed events do not show. */
  frames: string[];
  state(): "connecting" | "connected" | "refused" | "disconnected";
  /** The reason of the server's disconnect or the handshake's connect_error. */
  reason(): string | undefined;
}

/** Opens a socket (token in `auth`, or a cookie with an Origin) and records what happens to it. */
export function probe(url: string, opts: { token?: string; cookie?: string; origin?: string }): Probe {
  const socket = connect(url, opts);
  const frames: string[] = [];
  let state: ReturnType<Probe["state"]> = "connecting";
  let reason: string | undefined;
  socket.io.on("open", () =>
    socket.io.engine.on("data", (d) => frames.push(typeof d === "string" ? d : Buffer.from(d as ArrayBuffer).toString("utf8"))),
  );
  socket.on("connect", () => {
    state = "connected";
  });
  socket.on("connect_error", (err) => {
    state = "refused";
    reason = err.message;
  });
  socket.on("disconnect", (why) => {
    state = "disconnected";
    reason = why;
  });
  return { socket, frames, state: () => state, reason: () => reason };
}

/** Whether the handshake is accepted: `connected` or `refused` (connect_error). */
export async function handshake(url: string, opts: { token?: string; cookie?: string; origin?: string }): Promise<string> {
  const p = probe(url, opts);
  try {
    return await waitFor(() => (p.state() === "connecting" ? null : p.state()), "the handshake's answer");
  } finally {
    p.socket.close();
  }
}

/** Subscribes a connected probe and resolves with the ack. */
export async function subscribe(p: Probe, input: { community: string; wall?: boolean }): Promise<{ ok: boolean; error?: string }> {
  await waitFor(() => p.state() === "connected", "the socket to connect");
  return new Promise((resolve) => p.socket.emit("subscribe", input, resolve));
}
