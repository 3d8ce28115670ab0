"use client";
import { ConnectionBadge } from "../_components/ConnectionBadge";
import { DemoBanner } from "../_components/DemoBanner";
import { KpiValue } from "../_components/KpiValue";
import { useLang } from "../_i18n/use-lang";
import { useLive } from "../_live/use-live";

/** Volunteers' phones: the live numbers now; the forms for each operation are the next step. */
export function ConsoleScreen() {
  const live = useLive();
  const { lang, t } = useLang();
  return (
    <main className="p-4">
      {live.snapshot?.demo && <DemoBanner text={t.demo} />}
      <h1 className="text-xl font-semibold">{t.consoleTitle}</h1>
      <ConnectionBadge live={live} t={t} locale={lang} />
      <p className="mt-4 text-4xl">
        <KpiValue name="householdsTested" counts={live.snapshot?.counts} locale={lang} />
      </p>
    </main>
  );
}
