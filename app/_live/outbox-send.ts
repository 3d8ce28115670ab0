// Why: one attempt at one kept action, always with the id it got when it was made, and what the answer means.
import { classify, GATE_SCAN, type OutboxEntry, type Outcome } from "./outbox-core";

const TIMEOUT_MS = 15_000;

/** Where an action goes: a gate scan to the gate (the server decides its direction then), anything else to the feed. */
export function requestOf(e: OutboxEntry): { url: string; body: unknown } {
  if (e.event.type === GATE_SCAN)
    return { url: "/api/gate/scan", body: { id: e.id, code: String(e.event.payload.code ?? ""), scannedAt: e.event.occurredAt } };
  return { url: "/api/events", body: { id: e.id, ...e.event } };
}

/** Posts the action with its own id; a lost reply or a timeout is a retry, never a new id. */
export async function sendEntry(e: OutboxEntry): Promise<Outcome> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const { url, body: sent } = requestOf(e);
    const r = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(sent),
      signal: ctrl.signal,
    });
    const body: unknown = await r.json().catch(() => null);
    return classify(r.status, body);
  } catch {
    return { kind: "retry", reason: navigator.onLine ? "no answer from the server" : "offline" };
  } finally {
    clearTimeout(timer);
  }
}

/** A random id that works on plain http too (crypto.randomUUID needs a secure context). */
export function newEventId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
