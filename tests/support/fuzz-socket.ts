// Why: garbage for a live Socket.IO connection (payloads, acks, event names, raw packets) and a check that it is answered or cut cleanly.
import fc from "fast-check";
import { oddString } from "./fuzz-values";
import { ADMIN } from "./server";
import { connect, connected, type TestSocket } from "./socket";
import { waitFor } from "./wait";

/** What a client may do to the server in one go. */
export type SocketMove =
  | { kind: "subscribe"; args: unknown[]; ack: boolean }
  | { kind: "event"; name: string; args: unknown[]; ack: boolean }
  | { kind: "raw"; packet: string | Uint8Array }
  | { kind: "huge"; size: number; ack: boolean };

const RESERVED = ["connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"];

const garbage = fc.oneof(
  fc.anything({
    maxDepth: 3,
    maxKeys: 5,
    key: fc.oneof(fc.string({ maxLength: 8 }), oddString, fc.constantFrom("community", "wall", "__proto__", "constructor")),
    values: [oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("default", "north", "")],
    withTypedArray: true,
    withDate: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
  fc.record(
    {
      community: fc.oneof(oddString, fc.constantFrom("default", "x".repeat(65), "a b")),
      wall: fc.oneof(fc.boolean(), oddString, fc.constant(null)),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(undefined, null, 0, "", "default", [], [{ community: "default" }], { community: "default", extra: 1 }),
);

const eventName = fc
  .oneof(
    oddString,
    fc.string({ maxLength: 20 }),
    fc.constantFrom("snapshot", "counts", "problem", "wall", "heartbeat", "Subscribe", "subscribe ", "message", "error", "ping"),
  )
  .filter((n) => !RESERVED.includes(n) && n !== "subscribe");

/** Socket.IO packets (the engine.io message body) written as they are, most of them not a valid packet. */
const rawPacket = fc
  .oneof(
    fc
      .tuple(
        fc.constantFrom("", "0", "2", "3", "4", "5", "6", "7", "9", "42", "43", "2/", "2/nope,", "0/nope,", "51-", "3x", "21"),
        oddString,
      )
      .map(([p, t]) => p + t),
    fc.tuple(fc.constantFrom("2", "21", "3", "2/,"), fc.json({ maxDepth: 2 })).map(([p, j]) => p + j),
    fc.uint8Array({ minLength: 1, maxLength: 64 }),
  )
  // "1…" is the client leaving the namespace: a clean goodbye that needs no answer.
  .filter((p) => typeof p !== "string" || !p.startsWith("1"));

export const socketMove: fc.Arbitrary<SocketMove> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("subscribe" as const), args: fc.array(garbage, { maxLength: 3 }), ack: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("event" as const),
      name: eventName,
      args: fc.array(garbage, { maxLength: 3 }),
      ack: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("raw" as const), packet: rawPacket }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("huge" as const), size: fc.integer({ min: 17_000, max: 300_000 }), ack: fc.boolean() }),
  },
);

export async function openSocket(url: string): Promise<TestSocket> {
  const s = connect(url, { token: ADMIN });
  await connected(s);
  return s;
}

type Ack = { ok: boolean; error?: string };

/** A valid subscribe with an ack: answered `{ok:true}` and a snapshot, or the socket is gone. Returns false when it is gone. */
export async function probe(sock: TestSocket): Promise<boolean> {
  if (!sock.connected) return false;
  const before = sock.received.length;
  let ack: Ack | undefined;
  sock.emit("subscribe", { community: "default" }, (r) => {
    ack = r;
  });
  await waitFor(() => ack || sock.disconnected, "the socket to answer a valid subscribe, or to be disconnected", 30_000, 2);
  if (!ack) return false;
  if (!ack.ok) throw new Error(`a valid subscribe was refused: ${JSON.stringify(ack)}`);
  await waitFor(() => sock.received.slice(before).some((f) => f.event === "snapshot"), "the snapshot after a valid subscribe", 30_000, 2);
  return true;
}

/** Plays one move; returns what is wrong with the server's reaction, or null. A disconnect is accepted; silence to a subscribe is not. */
export async function play(sock: TestSocket, m: SocketMove): Promise<string | null> {
  const raw = sock as unknown as { emit(ev: string, ...a: unknown[]): void; io: { engine: { write(d: unknown): void } } };
  const before = sock.received.length;
  let ack: unknown;
  let acked = false;
  const onAck = (r: unknown) => {
    ack = r;
    acked = true;
  };
  const args = m.kind === "huge" ? [{ community: "x".repeat(m.size) }] : m.kind === "raw" ? [] : m.args;
  try {
    if (m.kind === "raw") raw.io.engine.write(m.packet);
    else raw.emit(m.kind === "event" ? m.name : "subscribe", ...args, ...(m.ack ? [onAck] : []));
  } catch {
    return null; // the client library refused to encode it: nothing reached the server
  }
  if (m.kind !== "subscribe" && m.kind !== "huge") return null;
  // The server acks when the ack is its second argument; else it answers with `problem` (bad input) or `snapshot` (good).
  const acksExpected = m.ack && args.length === 1;
  const frames = () => sock.received.slice(before).filter((f) => f.event === "problem" || f.event === "snapshot");
  try {
    await waitFor(() => (acksExpected ? acked : frames().length > 0) || sock.disconnected, "an answer to subscribe", 30_000, 2);
  } catch (err) {
    return `no answer to subscribe(${m.kind === "huge" ? `${m.size} characters` : JSON.stringify(args)}${m.ack ? ", ack" : ""}): ${(err as Error).message}`;
  }
  if (sock.disconnected) return m.kind === "huge" ? null : "disconnected for a small subscribe";
  if (acksExpected) {
    const a = ack as Ack;
    if (typeof a?.ok !== "boolean" || (a.error !== undefined && typeof a.error !== "string"))
      return `an ack that is not {ok, error?}: ${JSON.stringify(a)}`;
  }
  for (const f of frames()) {
    const p = f.data as { code?: unknown; message?: unknown };
    if (f.event === "problem" && (typeof p?.code !== "string" || typeof p?.message !== "string"))
      return `a problem without code and message: ${JSON.stringify(p)}`;
  }
  return null;
}
