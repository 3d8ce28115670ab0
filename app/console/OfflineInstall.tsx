"use client";
// Why: once the console has been opened, the phone keeps it: the service worker is registered for /console only.
import { useEffect } from "react";

/** Registers the console's service worker (production builds only: a dev server's assets change on every edit). */
export function OfflineInstall() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/console-sw.js", { scope: "/console" }).catch(() => {
      // Plain http on a LAN address has no service workers: the console then needs a connection to open.
    });
  }, []);
  return null;
}
