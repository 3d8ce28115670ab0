"use client";
import { COUNT_KEYS } from "../server/protocol/state";
import { AlarmList } from "./_components/AlarmList";
import { ClearDemo } from "./_components/ClearDemo";
import { CompoundName } from "./_components/CompoundName";
import { ConnectionBadge } from "./_components/ConnectionBadge";
import { DecisionQueue } from "./_components/DecisionQueue";
import { DemoBanner } from "./_components/DemoBanner";
import { DeskBuildings } from "./_components/DeskBuildings";
import { DeskCharts } from "./_components/DeskCharts";
import { DoorKnocking } from "./_components/DoorKnocking";
import { KpiValue } from "./_components/KpiValue";
import { OutsideList } from "./_components/OutsideList";
import { PostMinimums } from "./_components/PostMinimums";
import { RoundControls } from "./_components/RoundControls";
import { SignInNotice } from "./_components/SignInNotice";
import { IMPORT } from "./_i18n/import";
import { PEOPLE } from "./_i18n/people";
import { REPORT } from "./_i18n/report";
import { useLang } from "./_i18n/use-lang";
import { useLive } from "./_live/use-live";
import { useNow } from "./_live/use-now";

/** The secretary's laptop: every number, the round, the alarms to acknowledge, the posts' minimums and the requests to decide. */
export function DeskScreen() {
  const live = useLive(undefined, { wall: true });
  const now = useNow(15_000);
  const { lang, t, toggle } = useLang();
  const s = live.snapshot;
  // The wall view follows every event; the snapshot's round only changes on a (re)subscribe.
  const round = live.wall ? (live.wall.round?.open ? live.wall.round : null) : (s?.round ?? null);
  return (
    <main className="mx-auto max-w-6xl p-3 sm:p-6">
      {s?.demo && (
        <DemoBanner text={t.demo}>
          <ClearDemo locale={lang} />
        </DemoBanner>
      )}
      <header className="flex flex-wrap items-center justify-between gap-2 py-4">
        <h1 className="text-2xl font-semibold">{t.deskTitle}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <a href="/people" data-people-link className="text-sm text-sky-300 underline">
            {PEOPLE[lang].link}
          </a>
          <a href="/report" data-report-link className="text-sm text-sky-300 underline">
            {REPORT[lang].link}
          </a>
          <a href="/import" data-import-link className="text-sm text-sky-300 underline">
            {IMPORT[lang].link}
          </a>
          <ConnectionBadge live={live} t={t} locale={lang} />
          <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
            {t.language}
          </button>
        </div>
      </header>
      {live.authError && !s ? (
        <SignInNotice text={t.signIn} />
      ) : (
        <div className="flex flex-col">
          <div className="mb-4">
            <CompoundName name={live.wall?.name ?? s?.name} lang={lang} />
          </div>
          {/* On a phone (the secretary at the swab site) the decisions come first; on a laptop, after the board. */}
          <div className="order-first md:order-1">
            <DecisionQueue seq={s?.seq} now={now} locale={lang} t={t} />
          </div>
          <div className="mb-4 flex flex-wrap items-center gap-3">
            <p className="text-slate-400" data-round={round?.roundId ?? ""}>
              {round ? `${t.round}: ${round.label ?? round.roundId} (${round.kind.toUpperCase()})` : t.noRound}
            </p>
            <RoundControls round={live.wall ? live.wall.round : undefined} locale={lang} />
          </div>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            {COUNT_KEYS.map((k) => (
              <div key={k} className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
                <dt className="text-sm text-slate-400">{t.kpi[k]}</dt>
                <dd className="mt-1 text-3xl font-semibold">
                  <KpiValue name={k} counts={s?.counts} locale={lang} />
                </dd>
              </div>
            ))}
          </dl>
          <DeskBuildings buildings={live.wall?.buildings} locale={lang} t={t} seq={s?.seq} householdsTotal={s?.counts.householdsTotal} />
          <DeskCharts points={live.wall?.series.points} locale={lang} t={t} />
          <div className="mt-6 grid gap-4 md:grid-cols-2">
            <AlarmList view={live.wall} now={now} locale={lang} t={t} />
            <PostMinimums posts={live.wall?.posts} t={t} />
          </div>
          <OutsideList seq={s?.seq} now={now} lang={lang} />
          <div className="md:order-2">
            <DoorKnocking seq={s?.seq} lang={lang} />
          </div>
        </div>
      )}
    </main>
  );
}
