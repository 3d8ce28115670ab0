"use client";
// Why: a phone opened without a connection still needs the round, the registry and who it is to make actions: the last ones read are kept on it.
import { useSyncExternalStore } from "react";
import type { Snapshot } from "../../server/protocol/state";
import type { Registry } from "./use-registry";
import type { Session } from "./use-session";

const KEYS = { registry: "cordon.kept.registry", round: "cordon.kept.round", session: "cordon.kept.session" } as const;

function put(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or private mode: the phone then needs a connection to open its forms.
  }
}

function get<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

/** Keeps the registry without residents' contacts: buildings and units are all a picker needs offline. */
export function keepRegistry(r: Registry): void {
  put(KEYS.registry, { ...r, households: r.households.map((h) => ({ ...h, contact: null })), volunteers: [] });
}

export const keptRegistry = (): Registry | null => get<Registry>(KEYS.registry);

export function keepSession(s: Session | null): void {
  put(KEYS.session, s);
}

export const keptSession = (): Session | null => get<Session>(KEYS.session);

type Round = Snapshot["round"];
let cached: { raw: string | null; round: Round } = { raw: null, round: null };

function readRound(): Round {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEYS.round);
  } catch {}
  if (raw !== cached.raw) cached = { raw, round: raw ? (JSON.parse(raw) as Round) : null };
  return cached.round;
}

const noop = () => () => {};

/** The open round: from the live snapshot when there is one (and kept), else the one last seen on this phone. */
export function useKeptRound(snapshot: Snapshot | null): Round {
  const kept = useSyncExternalStore(noop, readRound, () => null);
  if (!snapshot) return kept;
  const raw = JSON.stringify(snapshot.round);
  if (raw !== cached.raw) {
    try {
      localStorage.setItem(KEYS.round, raw);
    } catch {}
    cached = { raw, round: snapshot.round };
  }
  return snapshot.round;
}
