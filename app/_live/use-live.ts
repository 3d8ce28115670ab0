"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { liveClient } from "./client";
import { screenCommunity } from "./community";
import { type LiveState, LiveStore } from "./store";

const idle = new LiveStore();

/** The live state of a community, read through useSyncExternalStore; `wall` also subscribes to the wall view. */
export function useLive(community?: string, opts: { wall?: boolean } = {}): LiveState & { since: number } {
  const [store, setStore] = useState<LiveStore>(idle);
  const wall = opts.wall ?? false;
  useEffect(() => {
    setStore(liveClient(community ?? screenCommunity(), { wall }).store);
  }, [community, wall]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, idle.getSnapshot);
  return { ...state, since: store.createdAt };
}
