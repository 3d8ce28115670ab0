"use client";
// Why: a request gets its number on the phone when it is opened (offline too), short enough to read out and write on a letter.
import { useSyncExternalStore } from "react";

/** No 0/O, 1/I/L: read aloud over a phone or copied by hand, the number survives. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const KEY = "cordon.lastRequest";

/** A new request number such as `R-7K3D9Q`: 6 characters of 31, about 900 million numbers. */
export function newRequestNumber(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return `R-${Array.from(random(6), (b) => ALPHABET[b % ALPHABET.length]).join("")}`;
}

const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Remembers the request last opened on this phone: the documents form is set to it, across reloads. */
export function setLastRequest(requestId: string | null): void {
  try {
    if (requestId) localStorage.setItem(KEY, requestId);
    else localStorage.removeItem(KEY);
  } catch {}
  for (const fn of listeners) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useLastRequest(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
