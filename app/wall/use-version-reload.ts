"use client";
import { useEffect } from "react";
import { shouldReload } from "../_live/freshness";

const KEY = "cordon.reloadedFor";

/** Reloads the page once when the server reports a different build than the one this page was served by. */
export function useVersionReload(firstVersion: string | null, version: string | null): void {
  useEffect(() => {
    if (!version) return;
    if (!shouldReload(firstVersion, version, window.sessionStorage.getItem(KEY))) return;
    window.sessionStorage.setItem(KEY, version);
    window.location.reload();
  }, [firstVersion, version]);
}
