"use client";
import { COUNT_KEYS } from "../server/protocol/state";
import { AlarmList } from "./_components/AlarmList";
import { ConnectionBadge } from "./_components/ConnectionBadge";
import { DecisionQueue } from "./_components/DecisionQueue";
import { DemoBanner } from "./_components/DemoBanner";
import { KpiValue } from "./_components/KpiValue";
import { PostMinimums } from "./_components/PostMinimums";
import { SignInNotice } from "./_components/SignInNotice";
import { useLang } from "./_i18n/use-lang";
import { useLive } from "./_live/use-live";
import { useNow } from "./_live/use-now";

/** The secretary's laptop: every number, the round, the alarms to acknowledge, the posts' minimums and the requests to decide. */
export function DeskScreen() {
  const live = useLive("default", { wall: true });
  const now = useNow(15_000);
  const { lang, t, toggle } = useLang();
  const s = live.snapshot;
  return (
    <main className="mx-auto max-w-6xl p-6">
      {s?.demo && <DemoBanner text={t.demo} />}
      <header className="flex items-center justify-between py-4">
        <h1 className="text-2xl font-semibold">{t.deskTitle}</h1>
        <div className="flex items-center gap-3">
          <ConnectionBadge live={live} t={t} locale={lang} />
          <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
            {t.language}
          </button>
        </div>
      </header>
      {live.authError && !s ? (
        <SignInNotice text={t.signIn} />
      ) : (
        <>
          <p className="mb-4 text-slate-400">{s?.round ? `${t.round}: ${s.round.roundId} (${s.round.kind})` : t.noRound}</p>
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
          <div className="mt-6 grid gap-4 md:grid-cols-2">
            <AlarmList view={live.wall} now={now} locale={lang} t={t} />
            <PostMinimums posts={live.wall?.posts} t={t} />
          </div>
          <DecisionQueue seq={s?.seq} now={now} locale={lang} t={t} />
        </>
      )}
    </main>
  );
}
