"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { liveClient } from "./client";
import { type LiveState, LiveStore } from "./store";

const idle = new LiveStore();

/** The live state of a community, read through useSyncExternalStore. */
export function useLive(community = "default"): LiveState {
  const [store, setStore] = useState<LiveStore>(idle);
  useEffect(() => {
    setStore(liveClient(community).store);
  }, [community]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, idle.getSnapshot);
}
