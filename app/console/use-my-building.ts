"use client";
// Why: a volunteer knocks on one building's doors all shift; the phone remembers which, across reloads.
import { useSyncExternalStore } from "react";

const KEY = "cordon.building";
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Remembers the volunteer's building on this phone (localStorage); every picker on the page hears it. */
export function setMyBuilding(buildingId: string | null): void {
  try {
    if (buildingId) window.localStorage.setItem(KEY, buildingId);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Private mode without storage: the choice lasts until the page closes.
  }
  for (const fn of listeners) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  const onStorage = (e: StorageEvent) => e.key === KEY && fn();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener("storage", onStorage);
  };
}

/** The building this phone's volunteer chose, or null before they choose. */
export function useMyBuilding(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
