"use client";
import { type MadeAction, outbox } from "../_live/outbox";
import { classify, GATE_SCAN, type OutboxEntry } from "../_live/outbox-core";
import { newEventId } from "../_live/outbox-send";
// Why: a gate scan goes through the phone's one outbox (IndexedDB, with its id and the moment it was read), so a scan
// made without network is sent once when the network is back, and the server then decides its direction.
import type { Answer, Holder } from "./GateResult";

/** How long the gate waits for the server before saying the scan is kept on the phone. */
const ANSWER_MS = 4000;

/** Where an older page kept its scans (localStorage): moved into the outbox once, with their ids and moments. */
const OLD_KEY = "cordon-gate-scans";

export const scanAction = (code: string): MadeAction => ({ type: GATE_SCAN, payload: { code } });
export const isScan = (e: OutboxEntry) => e.event.type === GATE_SCAN;

/** What the server answered a sent scan, as the full-screen answer shows it. */
export function answerOf(e: OutboxEntry): Answer {
  if (e.state === "refused" && e.refusal)
    return { kind: "refused", error: e.refusal, ...(e.refusal.about ? { holder: e.refusal.about as unknown as Holder } : {}) };
  if (e.state !== "sent") return { kind: "offline" };
  const a = (e.answer ?? {}) as { direction?: string; returnBy?: string | null; holder?: Holder | null };
  return {
    kind: "ok",
    direction: a.direction === "in" ? "in" : "out",
    returnBy: a.returnBy ?? null,
    holder: a.holder ?? { building: "", unit: "", person: null, testReportAt: null },
  };
}

/**
 * Keeps the scan in the outbox and tries to send it at once. Answered within a few seconds: the answer (a refusal
 * shown at once leaves the outbox: the volunteer has seen it). Otherwise it waits on the phone and is sent later.
 */
export async function scan(code: string): Promise<{ entry: OutboxEntry | null; answer: Answer }> {
  let kept: OutboxEntry;
  try {
    kept = await outbox.add(scanAction(code));
  } catch {
    // Nothing was kept (storage refused): sent once directly instead, so it cannot be recorded twice.
    return { entry: null, answer: await scanDirect(code).catch(() => UNREACHABLE) };
  }
  const entry = (await outbox.settle(kept.id, ANSWER_MS).catch(() => kept)) ?? kept;
  const answer = answerOf(entry);
  if (entry.state === "refused") await outbox.drop(entry.id).catch(() => {});
  return { entry, answer };
}

/**
 * Without storage on the phone (a private window that refuses IndexedDB) nothing can be kept: the scan is sent
 * once, directly, and a failure says so (offline: not saved).
 */
export async function scanDirect(code: string): Promise<Answer> {
  const r = await fetch("/api/gate/scan", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: newEventId(), code }),
  });
  const body = (await r.json().catch(() => null)) as Record<string, unknown> | null;
  const e = { id: "", order: 0, madeAt: Date.now(), event: { type: GATE_SCAN, occurredAt: "", payload: {} }, attempts: 1 };
  const outcome = classify(r.status, body);
  if (outcome.kind === "sent") return answerOf({ ...e, state: "sent", answer: outcome.answer });
  if (outcome.kind === "refused") return answerOf({ ...e, state: "refused", refusal: outcome.refusal });
  return UNREACHABLE;
}

const UNREACHABLE: Answer = {
  kind: "refused",
  error: { reason: "server_unreachable", message: "the server cannot be reached; try again" },
};

/** Moves scans an older page kept in localStorage into the outbox (same ids: a scan already sent is a 200 duplicate). */
export async function adoptOldScans(): Promise<void> {
  let old: { id?: string; code?: string; scannedAt?: string }[] = [];
  try {
    old = JSON.parse(window.localStorage.getItem(OLD_KEY) ?? "[]");
  } catch {}
  for (const s of Array.isArray(old) ? old : []) {
    if (!s.id || !s.code) continue;
    const at = s.scannedAt ? Date.parse(s.scannedAt) : Number.NaN;
    await outbox.add(scanAction(s.code), { id: s.id, ...(Number.isNaN(at) ? {} : { at }) });
  }
  window.localStorage.removeItem(OLD_KEY);
}
