import type { Counts } from "../../server/protocol/state";
import type { WallView } from "../../server/protocol/wall";
import { KpiCard } from "../_components/KpiCard";
import { KpiValue } from "../_components/KpiValue";
import { ProgressRing } from "../_components/ProgressRing";
import { fmtAge, fmtClockDay, fmtNumber, percent } from "../_components/wall-format";
import type { DICTS, Lang } from "../_i18n/dict";
import { postName } from "../_i18n/post-name";

type Dict = (typeof DICTS)["en"];
const BIG = "text-7xl font-bold leading-none";
const OF = "text-4xl font-semibold text-slate-400";
const LINE = "mt-auto text-lg text-slate-300";

/** The four big numbers, with all eight `data-kpi` counts and their detail lines. */
export function WallKpis({
  c,
  wall,
  now,
  locale,
  t,
}: {
  c: Counts | undefined;
  wall: WallView | null;
  now: number;
  locale: string;
  t: Dict;
}) {
  const urgentWaiting = wall?.queue.urgentWaiting ?? c?.urgentRequests ?? 0;
  const w = t.wall;
  const share = c && c.householdsTotal > 0 ? c.householdsTested / c.householdsTotal : 0;
  const eta = wall?.progress.etaAt ? Date.parse(wall.progress.etaAt) : null;
  const done = c !== undefined && c.householdsTotal > 0 && c.householdsTested >= c.householdsTotal;
  const oldest = wall?.queue.oldestOpenedAt ? Date.parse(wall.queue.oldestOpenedAt) : null;
  const short = wall?.posts.some((p) => p.minimum !== null && p.onDuty < p.minimum);
  const of = (name: keyof Counts) => (
    <span className={OF}>
      {" "}
      {t.of} <KpiValue name={name} counts={c} locale={locale} />
    </span>
  );
  return (
    <div className="grid grid-cols-4 gap-4">
      <KpiCard
        title={t.kpi.householdsTested}
        aside={<ProgressRing share={share} label={`${percent(c?.householdsTested ?? 0, c?.householdsTotal ?? 0)}%`} />}
      >
        <p className={`mt-2 whitespace-nowrap ${BIG}`}>
          <KpiValue name="householdsTested" counts={c} locale={locale} />
          {of("householdsTotal")}
        </p>
        <p className={LINE} data-rate>
          {fmtNumber(wall?.progress.perHour ?? 0, locale)} {w.perHour} ·{" "}
          {done ? w.roundDone : eta ? `${w.eta} ${fmtClockDay(eta, now, locale)}` : w.etaUnknown}
        </p>
      </KpiCard>
      <KpiCard title={t.kpi.buildingsSealed} tone={c && c.buildingsSealed > 0 ? "alarm" : undefined}>
        <p className={`mt-2 ${BIG}`}>
          <KpiValue name="buildingsSealed" counts={c} locale={locale} />
          {of("buildingsTotal")}
        </p>
        <p className={LINE}>
          {w.open}: {fmtNumber((c?.buildingsTotal ?? 0) - (c?.buildingsSealed ?? 0), locale)}
        </p>
      </KpiCard>
      <KpiCard title={t.kpi.volunteersOnDuty} tone={short ? "alarm" : undefined}>
        <p className={`mt-2 ${BIG}`}>
          <KpiValue name="volunteersOnDuty" counts={c} locale={locale} />
          {of("volunteersTotal")}
        </p>
        <ul className="mt-auto flex flex-wrap gap-x-4 gap-y-0.5 text-lg text-slate-300" data-posts>
          {wall?.posts.map((p) => (
            <li key={p.post} className={p.minimum !== null && p.onDuty < p.minimum ? "font-semibold text-amber-300" : ""}>
              {postName(p, locale as Lang)} <span className="tabular-nums">{p.onDuty}</span>
              {p.minimum !== null && <span className="text-slate-400">{`/${p.minimum}`}</span>}
            </li>
          ))}
        </ul>
      </KpiCard>
      {/* Red while an urgent request waits for a decision; an approved one no longer waits on the committee. */}
      <KpiCard title={t.kpi.pendingRequests} tone={urgentWaiting > 0 ? "alarm" : undefined}>
        <p className={`mt-2 ${BIG}`}>
          <KpiValue name="pendingRequests" counts={c} locale={locale} />
        </p>
        <p className="mt-1 text-3xl">
          <span className={urgentWaiting > 0 ? "font-semibold text-red-300" : "text-slate-400"}>
            {t.kpi.urgentRequests} <KpiValue name="urgentRequests" counts={c} locale={locale} />
          </span>
        </p>
        <p className="mt-1 text-2xl">
          <span className="text-slate-300">
            {t.kpi.outsideNow} <KpiValue name="outsideNow" counts={c} locale={locale} />
          </span>{" "}
          ·{" "}
          <span className={c && c.overdue > 0 ? "font-semibold text-red-300" : "text-slate-400"}>
            {t.kpi.overdue} <KpiValue name="overdue" counts={c} locale={locale} />
          </span>
        </p>
        {wall?.overdue && wall.overdue.length > 0 && (
          <ul data-wall-overdue className="mt-1 text-xl text-red-300">
            {wall.overdue.map((o) => (
              <li key={`${o.buildingId}-${o.returnBy}`}>
                {wall.buildings.find((b) => b.buildingId === o.buildingId)?.label ?? o.buildingId} ·{" "}
                {fmtAge(now - Date.parse(o.returnBy), locale)} {t.kpi.overdue}
              </li>
            ))}
          </ul>
        )}
        <p className={LINE} data-oldest>
          {w.oldest}: {oldest ? fmtAge(now - oldest, locale) : w.none}
        </p>
      </KpiCard>
    </div>
  );
}
