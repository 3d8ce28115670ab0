// Why: one compound on the street office's wall: what needs attention first, readable across a room; it opens that compound's wall.
import type { StreetEntry } from "../../server/protocol/state";
import type { Lang } from "../_i18n/dict";
import type { STREET } from "../_i18n/street";
import { coverage, silent } from "./street-order";

const fmt = (lang: Lang, n: number) => new Intl.NumberFormat(lang).format(n);

export function StreetTile({
  e,
  now,
  lang,
  t,
  dense,
}: {
  e: StreetEntry;
  now: number;
  lang: Lang;
  t: (typeof STREET)["en"];
  dense: boolean;
}) {
  const name = e.name ?? e.community;
  const cov = coverage(e);
  const quiet = silent(e, now);
  const urgent = e.counts.urgentRequests > 0;
  const ago = e.lastEventAt ? t.lastEvent(t.ago(Math.max(0, Math.floor((now - Date.parse(e.lastEventAt)) / 60_000)))) : t.never;
  return (
    <a
      href={`/wall?community=${encodeURIComponent(e.community)}`}
      data-compound={e.community}
      data-urgent={e.counts.urgentRequests}
      title={t.open(name)}
      className={`flex min-w-0 flex-col gap-1 rounded-xl p-3 ring-2 ${urgent ? "bg-red-950 ring-red-400" : quiet ? "bg-amber-950 ring-amber-400" : "bg-slate-900 ring-slate-700"} ${dense ? "text-sm" : "text-2xl"}`}
    >
      <span className={`truncate font-semibold text-slate-50 ${dense ? "text-base" : "text-3xl"}`}>{name}</span>
      <span className="flex flex-wrap gap-x-3">
        <span className={urgent ? "font-bold text-red-200" : "text-slate-300"}>
          <span data-street-kpi="urgentRequests">{fmt(lang, e.counts.urgentRequests)}</span> {t.urgent}
        </span>
        <span className="text-slate-300">
          <span data-street-kpi="pendingRequests">{fmt(lang, e.counts.pendingRequests)}</span> {t.pending}
        </span>
      </span>
      {e.round && (
        // The round as the secretary named it ("第一轮全员核酸"), its id only when no label was typed.
        <span className="truncate text-slate-300">
          {t.round}
          {lang === "en" ? " " : ""}
          <span data-street-round={e.round.roundId} className="text-slate-100">
            {e.round.label ?? e.round.roundId}
          </span>
        </span>
      )}
      {cov === null ? (
        !e.round && <span className="text-slate-400">{t.noRound}</span>
      ) : (
        <span className="flex items-center gap-2">
          <span className="h-2 flex-1 overflow-hidden rounded bg-slate-700" aria-hidden="true">
            <span className="block h-full bg-emerald-400" style={{ width: `${Math.round(cov * 100)}%` }} />
          </span>
          <span className="text-slate-200">
            <span data-street-kpi="householdsTested">{fmt(lang, e.counts.householdsTested)}</span>/{fmt(lang, e.counts.householdsTotal)}{" "}
            {t.tested}
          </span>
        </span>
      )}
      <span className="flex flex-wrap gap-x-3 text-slate-300">
        <span>
          <span data-street-kpi="buildingsSealed">{fmt(lang, e.counts.buildingsSealed)}</span> {t.sealed}
        </span>
        <span>
          <span data-street-kpi="volunteersOnDuty">{fmt(lang, e.counts.volunteersOnDuty)}</span> {t.onDuty}
        </span>
      </span>
      <span className={quiet ? "font-semibold text-amber-200" : "text-slate-400"}>
        {quiet ? `${t.silent} · ` : ""}
        {ago}
      </span>
    </a>
  );
}
