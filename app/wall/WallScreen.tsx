"use client";
import { ConnectionBadge } from "../_components/ConnectionBadge";
import { DemoBanner } from "../_components/DemoBanner";
import { KpiValue } from "../_components/KpiValue";
import { SignInNotice } from "../_components/SignInNotice";
import { useLang } from "../_i18n/use-lang";
import { useLive } from "../_live/use-live";

/** The office wall: the four numbers large, readable across the room. */
export function WallScreen() {
  const live = useLive();
  const { lang, t, toggle } = useLang();
  const c = live.snapshot?.counts;
  const big = (main: Parameters<typeof KpiValue>[0]["name"], total: Parameters<typeof KpiValue>[0]["name"], label: string) => (
    <section className="rounded-2xl bg-slate-900 p-8 ring-1 ring-slate-700">
      <h2 className="text-3xl text-slate-300">{label}</h2>
      <p className="mt-4 text-8xl font-bold">
        <KpiValue name={main} counts={c} locale={lang} />
        <span className="text-5xl text-slate-400">
          {" "}
          {t.of} <KpiValue name={total} counts={c} locale={lang} />
        </span>
      </p>
    </section>
  );
  return (
    <main className="flex min-h-screen flex-col">
      {live.snapshot?.demo && <DemoBanner text={t.demo} />}
      <header className="flex items-center justify-between px-8 py-4">
        <h1 className="text-4xl font-semibold">{t.wallTitle}</h1>
        <div className="flex items-center gap-4">
          <ConnectionBadge live={live} t={t} locale={lang} large />
          <button type="button" onClick={toggle} className="rounded px-3 py-1 text-lg text-slate-400 ring-1 ring-slate-700">
            {t.language}
          </button>
        </div>
      </header>
      {live.authError && !live.snapshot ? (
        <SignInNotice text={t.signIn} />
      ) : (
        <div className="grid flex-1 grid-cols-2 gap-6 p-8">
          {big("householdsTested", "householdsTotal", t.kpi.householdsTested)}
          {big("buildingsSealed", "buildingsTotal", t.kpi.buildingsSealed)}
          {big("volunteersOnDuty", "volunteersTotal", t.kpi.volunteersOnDuty)}
          {big("pendingRequests", "urgentRequests", `${t.kpi.pendingRequests} / ${t.kpi.urgentRequests}`)}
        </div>
      )}
    </main>
  );
}
