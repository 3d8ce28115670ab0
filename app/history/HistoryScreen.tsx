"use client";
// The history page: one entity's events, oldest first, with when each was recorded and happened, who did it and what it was.
import { useEffect, useMemo, useState } from "react";
import { type HistoryEntity, isHistoryEntity } from "../../server/protocol/history";
import { SecretaryOnly } from "../_components/SecretaryOnly";
import { SignInNotice } from "../_components/SignInNotice";
import { HISTORY } from "../_i18n/history";
import { errorText } from "../_i18n/reasons";
import { useLang } from "../_i18n/use-lang";
import { screenCommunity } from "../_live/community";
import { HistoryTable } from "./HistoryTable";
import { undoable } from "./undo";
import { useHistory } from "./use-history";

type Target = { community: string; entity: HistoryEntity; id: string };

export function HistoryScreen() {
  const { lang, t, toggle } = useLang();
  const h = HISTORY[lang];
  const [target, setTarget] = useState<Target | "bad" | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const entity = q.get("entity") ?? "";
    const id = q.get("id") ?? "";
    setTarget(isHistoryEntity(entity) && id ? { community: screenCommunity(), entity, id } : "bad");
  }, []);
  const ok = target !== null && target !== "bad";
  const [version, setVersion] = useState(0);
  const state = useHistory(ok ? target.community : "default", ok ? target.entity : "request", ok ? target.id : "", ok, version);
  const undoRows = useMemo(() => (state.status === "ready" ? undoable(state.events, state.openRound, state.onDuty) : new Map()), [state]);
  const name = ok && state.status === "ready" && target.entity !== "request" ? state.names[target.entity](target.id) : ok ? target.id : "";
  return (
    <main className="mx-auto max-w-6xl p-6">
      <header className="flex flex-wrap items-center gap-3 py-4">
        <h1 className="text-2xl font-semibold" data-history-title>
          {ok ? h.title[target.entity](name) : h.failed("?entity=request|household|building|volunteer&id=…")}
        </h1>
        <a href="/" className="text-sm text-sky-300 underline">
          {h.back}
        </a>
        <button type="button" onClick={toggle} className="ml-auto rounded px-2 py-1 text-sm ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
      {ok && state.status === "loading" && <p className="text-slate-400">{h.loading}</p>}
      {state.status === "signed-out" && <SignInNotice text={t.signIn} />}
      {state.status === "forbidden" && <SecretaryOnly text={h.secretaryOnly} />}
      {state.status === "failed" && (
        <p role="alert" className="text-red-300">
          {h.failed(errorText(state.error, lang, state.message))}
        </p>
      )}
      {ok && state.status === "ready" && (
        <HistoryTable
          events={state.events}
          names={state.names}
          lang={lang}
          undo={undoRows.size > 0 ? { rows: undoRows, onDone: () => setVersion((v) => v + 1) } : undefined}
        />
      )}
    </main>
  );
}
