// Why: one compound on the street office's wall: what needs attention first, readable across a room; it opens that compound's wall.
import type { StreetEntry } from "../../server/protocol/state";
import type { Lang } from "../_i18n/dict";
import { postName } from "../_i18n/posts";
import { compoundLabel, type STREET } from "../_i18n/street";
import { coverage, shortPosts, silent } from "./street-order";

const TEXT = { large: "text-2xl", medium: "text-xl leading-snug", dense: "text-sm" } as const;
const NAME = { large: "text-3xl", medium: "text-2xl", dense: "text-base" } as const;

const fmt = (lang: Lang, n: number) => new Intl.NumberFormat(lang).format(n);

export function StreetTile({
  e,
  now,
  lang,
  t,
  size,
}: {
  e: StreetEntry;
  now: number;
  lang: Lang;
  t: (typeof STREET)["en"];
  /** large up to 12 tiles, medium up to 20 (four rows of five fit 1080p), dense past that. */
  size: "large" | "medium" | "dense";
}) {
  const name = compoundLabel(e, t);
  const cov = coverage(e);
  const quiet = silent(e, now);
  const urgent = e.counts.urgentRequests > 0;
  const short = shortPosts(e);
  const minimum = (e.posts ?? []).reduce((a, p) => a + (p.minimum ?? 0), 0);
  const overdue = e.counts.overdue ?? 0;
  const warn = quiet || short.length > 0 || overdue > 0;
  // The round as the secretary named it ("第一轮全员核酸"), its id only when no label was typed.
  const roundName = e.round && (
    <span data-street-round={e.round.roundId} title={`${t.round} ${e.round.label ?? e.round.roundId}`} className="text-slate-100">
      {e.round.label ?? e.round.roundId}
    </span>
  );
  const ago = e.lastEventAt ? t.lastEvent(t.ago(Math.max(0, Math.floor((now - Date.parse(e.lastEventAt)) / 60_000)))) : t.never;
  return (
    <a
      href={`/wall?community=${encodeURIComponent(e.community)}`}
      data-compound={e.community}
      data-urgent={e.counts.urgentRequests}
      data-short-posts={short.length}
      data-silent={quiet || undefined}
      title={t.open(name)}
      className={`flex min-w-0 flex-col gap-1 rounded-xl p-3 ring-2 ${urgent ? "bg-red-950 ring-red-400" : warn ? "bg-amber-950 ring-amber-400" : "bg-slate-900 ring-slate-700"} ${TEXT[size]}`}
    >
      <span className={`truncate font-semibold text-slate-50 ${NAME[size]}`}>{name}</span>
      <span className="flex flex-wrap gap-x-3">
        <span className={urgent ? "font-bold text-red-200" : "text-slate-300"}>
          <span data-street-kpi="urgentRequests">{fmt(lang, e.counts.urgentRequests)}</span> {t.urgent}
        </span>
        <span className="text-slate-300">
          <span data-street-kpi="pendingRequests">{fmt(lang, e.counts.pendingRequests)}</span> {t.pending}
        </span>
      </span>
      {size === "large" && e.round && (
        <span className="truncate text-slate-300">
          {t.round}
          {lang === "en" ? " " : ""}
          {roundName}
        </span>
      )}
      {cov === null ? (
        e.round ? (
          size !== "large" && <span className="truncate text-slate-300">{roundName}</span>
        ) : (
          <span className="text-slate-400">{t.noRound}</span>
        )
      ) : (
        <span className="flex min-w-0 items-center gap-2">
          {/* Smaller tiles keep twenty on one screen: the round's name shares the coverage line. */}
          {size !== "large" && <span className="min-w-0 max-w-[45%] shrink truncate text-slate-300">{roundName}</span>}
          <span className="h-2 min-w-6 flex-1 overflow-hidden rounded bg-slate-700" aria-hidden="true">
            <span className="block h-full bg-emerald-400" style={{ width: `${Math.round(cov * 100)}%` }} />
          </span>
          <span className="shrink-0 text-slate-200">
            <span data-street-kpi="householdsTested">{fmt(lang, e.counts.householdsTested)}</span>/{fmt(lang, e.counts.householdsTotal)}{" "}
            {t.tested}
          </span>
        </span>
      )}
      <span className="flex flex-wrap gap-x-3 text-slate-300">
        <span>
          <span data-street-kpi="buildingsSealed">{fmt(lang, e.counts.buildingsSealed)}</span> {t.sealed}
        </span>
        <span className={e.positives > 0 ? "font-bold text-red-200" : undefined}>
          <span data-street-kpi="positives">{fmt(lang, e.positives ?? 0)}</span> {t.positives}
        </span>
      </span>
      <span className={short.length > 0 ? "font-semibold text-amber-200" : "text-slate-300"} data-street-duty>
        {minimum > 0 ? (
          t.dutyOf(fmt(lang, e.counts.volunteersOnDuty), fmt(lang, minimum))
        ) : (
          <>
            {fmt(lang, e.counts.volunteersOnDuty)} {t.onDuty}
          </>
        )}
      </span>
      {short.length > 0 && (
        <ul className="flex flex-col text-amber-200" data-street-short>
          {short.slice(0, size === "large" ? 3 : 1).map((p) => (
            <li key={p.post} data-post={p.post} className="truncate">
              ⚠ {t.short(postName(p, lang), fmt(lang, p.onDuty), fmt(lang, p.minimum ?? 0))}
            </li>
          ))}
        </ul>
      )}
      {(overdue > 0 || (e.counts.outsideNow ?? 0) > 0) && (
        <span className={overdue > 0 ? "font-semibold text-amber-200" : "text-slate-300"} data-street-kpi="overdue" data-value={overdue}>
          {t.overdue(fmt(lang, overdue), fmt(lang, e.counts.outsideNow ?? 0))}
        </span>
      )}
      <span className={quiet ? "font-semibold text-amber-200" : "text-slate-400"}>
        {quiet ? `${t.silent} · ` : ""}
        {ago}
      </span>
    </a>
  );
}
