// Why: one attempt at one kept action, always with the id it got when it was made, and what the answer means.
import { classify, classifyUpload, eventBody, GATE_SCAN, type OutboxEntry, type Outcome } from "./outbox-core";

const TIMEOUT_MS = 15_000;
/** A photo of several MB on a slow stairwell connection takes longer than an event. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** Where an action goes: a gate scan to the gate (the server decides its direction then), anything else to the feed. */
export function requestOf(e: OutboxEntry): { url: string; body: unknown } {
  if (e.event.type === GATE_SCAN)
    return { url: "/api/gate/scan", body: { id: e.id, code: String(e.event.payload.code ?? ""), scannedAt: e.event.occurredAt } };
  return { url: "/api/events", body: eventBody(e) };
}

async function post(path: string, body: string, ms: number): Promise<{ status: number; body: unknown }> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), ms);
  try {
    const r = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "content-type": "application/json" },
      body,
      signal: ctrl.signal,
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  } finally {
    clearTimeout(timer);
  }
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * Posts the action with its own id; a lost reply or a timeout is a retry, never a new id. An action
 * holding a photo uploads it first (base64 in JSON, as the session cookie requires) and hands its
 * `fileId` to `uploaded` to keep, then names it in the event: a retry uploads the same bytes (same
 * `fileId`, a 200) or none at all, and posts the same event (a 200 duplicate).
 */
export async function sendEntry(e: OutboxEntry, uploaded?: (fileId: string) => Promise<void>): Promise<Outcome> {
  try {
    let entry = e;
    if (e.upload?.blob && !e.upload.fileId) {
      const r = await post("/api/files", JSON.stringify({ file: await base64(e.upload.blob) }), UPLOAD_TIMEOUT_MS);
      const up = classifyUpload(r.status, r.body);
      if (up.kind !== "uploaded") return up;
      entry = { ...e, upload: { ...e.upload, fileId: up.fileId } };
      await uploaded?.(up.fileId);
    }
    const { url, body } = requestOf(entry);
    const r = await post(url, JSON.stringify(body), TIMEOUT_MS);
    return classify(r.status, r.body);
  } catch {
    return { kind: "retry", reason: navigator.onLine ? "no answer from the server" : "offline" };
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
