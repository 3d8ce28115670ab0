"use client";
// Why: the street office's wall: every compound it watches, live, ordered by what needs attention; never a person.
import { useEffect, useMemo, useState } from "react";
import { StaleOverlay } from "../_components/StaleOverlay";
import { DICTS } from "../_i18n/dict";
import { STREET } from "../_i18n/street";
import { useLang } from "../_i18n/use-lang";
import { freshness } from "../_live/freshness";
import { useNow } from "../_live/use-now";
import { StreetTile } from "./StreetTile";
import { byAttention } from "./street-order";
import { useStreet } from "./use-street";

/** Up to MEDIUM tiles large, up to LARGE a size smaller so four rows fit 1080p; more go on a denser grid, in pages that turn by themselves. */
const MEDIUM = 12;
const LARGE = 20;
const PAGE = 60;
const GRID = {
  large: "grid-cols-[repeat(auto-fill,minmax(22rem,1fr))]",
  medium: "grid-cols-[repeat(auto-fill,minmax(20rem,1fr))]",
  dense: "grid-cols-[repeat(auto-fill,minmax(11rem,1fr))]",
} as const;
const TURN_MS = 20_000;
const TONE = {
  live: "bg-emerald-500/15 text-emerald-200 ring-emerald-400/40",
  connecting: "bg-slate-500/15 text-slate-200 ring-slate-400/40",
  reconnecting: "bg-amber-500/15 text-amber-200 ring-amber-400/40",
  offline: "bg-red-500/15 text-red-200 ring-red-400/40",
} as const;

export function StreetScreen() {
  const street = useStreet();
  const { lang, toggle } = useLang();
  const t = STREET[lang];
  const now = useNow(1000);
  const [page, setPage] = useState(0);
  const ordered = useMemo(() => byAttention(street.entries, now), [street.entries, now]);
  const pages = Math.max(1, Math.ceil(ordered.length / PAGE));
  useEffect(() => {
    if (pages <= 1) return;
    const id = setInterval(() => setPage((p) => (p + 1) % pages), TURN_MS);
    return () => clearInterval(id);
  }, [pages]);
  const shown = pages > 1 ? ordered.slice((page % pages) * PAGE, ((page % pages) + 1) * PAGE) : ordered;
  const dense = ordered.length > LARGE;
  const size = dense ? "dense" : ordered.length > MEDIUM ? "medium" : "large";
  const fresh = freshness(now, street.heardAt ?? now);
  const updated = street.heardAt ? new Intl.DateTimeFormat(lang, { timeStyle: "medium" }).format(street.heardAt) : "–";
  return (
    <main data-street data-freshness={fresh} className="relative flex min-h-screen flex-col gap-4 bg-slate-950 p-6 text-slate-100">
      <header className="flex items-center justify-between gap-6">
        <div className="flex items-baseline gap-6">
          <h1 className="text-4xl font-semibold">{t.title}</h1>
          <p className="text-2xl text-slate-300">
            {t.compounds(ordered.length)}
            {pages > 1 ? ` · ${t.page((page % pages) + 1, pages)}` : ""}
          </p>
        </div>
        <div className="flex items-center gap-4">
          {fresh !== "fresh" && (
            <span data-stale className="rounded-full bg-amber-500/20 px-4 py-1 text-xl font-semibold text-amber-200 ring-2 ring-amber-400">
              {DICTS[lang].wall.stale}
            </span>
          )}
          <div
            data-connection={street.connection}
            role="status"
            className={`rounded-full px-3 py-1 text-xl ring-1 ${TONE[street.connection]}`}
          >
            {t.connection[street.connection]} · {t.updated} {updated}
          </div>
          <a href="/street/daily" data-street-daily className="rounded px-3 py-1 text-lg text-sky-200 underline ring-1 ring-slate-600">
            {t.daily}
          </a>
          <button type="button" onClick={toggle} className="rounded px-3 py-1 text-lg text-slate-300 ring-1 ring-slate-600">
            {t.switchTo}
          </button>
        </div>
      </header>
      {street.forbidden ? (
        <p className="text-2xl text-amber-200">{t.forbidden}</p>
      ) : ordered.length === 0 ? (
        <p className="text-2xl text-slate-300">{t.empty}</p>
      ) : (
        <section
          aria-label={t.title}
          className={`grid gap-3 transition-[filter,opacity] ${GRID[size]} ${fresh === "expired" ? "opacity-60 grayscale" : ""}`}
        >
          {shown.map((e) => (
            <StreetTile key={e.community} e={e} now={now} lang={lang} t={t} size={size} />
          ))}
        </section>
      )}
      {/* As on the wall: past a minute without the server, the last numbers stay, greyed, under a notice. */}
      {fresh === "expired" && <StaleOverlay text={DICTS[lang].wall.expired(updated)} />}
    </main>
  );
}
