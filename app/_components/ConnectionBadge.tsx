"use client";
import { useEffect, useState } from "react";
import type { DICTS } from "../_i18n/dict";
import type { LiveState } from "../_live/store";

const TONE = {
  live: "bg-emerald-500/15 text-emerald-300 ring-emerald-400/40",
  connecting: "bg-slate-500/15 text-slate-300 ring-slate-400/40",
  reconnecting: "bg-amber-500/15 text-amber-300 ring-amber-400/40",
  offline: "bg-red-500/15 text-red-300 ring-red-400/40",
} as const;

/** Connected or not, and how fresh the numbers are: always visible on every live screen. */
export function ConnectionBadge({ live, t, locale, large }: { live: LiveState; t: (typeof DICTS)["en"]; locale: string; large?: boolean }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, []);
  const updated = live.updatedAt ? new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(live.updatedAt) : t.never;
  return (
    <div
      data-connection={live.connection}
      role="status"
      aria-live="polite"
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 ring-1 ${TONE[live.connection]} ${large ? "text-2xl" : "text-sm"}`}
    >
      <span className={`inline-block size-2.5 rounded-full ${live.connection === "live" ? "bg-emerald-400" : "bg-current"}`} />
      <span>{t.connection[live.connection]}</span>
      <span className="opacity-70">
        · {t.updated} <span data-updated>{updated}</span>
      </span>
    </div>
  );
}
