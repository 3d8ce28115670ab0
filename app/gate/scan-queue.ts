"use client";
import { type MadeAction, outbox } from "../_live/outbox";
import { GATE_SCAN, type OutboxEntry } from "../_live/outbox-core";
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
  if (e.state === "refused" && e.refusal) return { kind: "refused", error: e.refusal };
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
export async function scan(code: string): Promise<{ entry: OutboxEntry; answer: Answer }> {
  const kept = await outbox.add(scanAction(code));
  const entry = (await outbox.settle(kept.id, ANSWER_MS)) ?? kept;
  const answer = answerOf(entry);
  if (entry.state === "refused") await outbox.drop(entry.id);
  return { entry, answer };
}

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
