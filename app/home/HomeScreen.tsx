"use client";
// A household's phone, opened from the QR code on its door: ask the committee, attach photos, follow the answer.
import { useState } from "react";
import { HOME } from "../_i18n/home";
import { errorText } from "../_i18n/reasons";
import { useLang } from "../_i18n/use-lang";
import { postEvent } from "../_live/post-event";
import { useNow } from "../_live/use-now";
import { PassCard, showsPass } from "./PassCard";
import { RequestCard } from "./RequestCard";
import { RequestForm } from "./RequestForm";
import { type MyRequest, useMyRequests } from "./use-my-requests";

export function HomeScreen() {
  const { lang, toggle } = useLang();
  const h = HOME[lang];
  const { state, reload } = useMyRequests();
  const [error, setError] = useState<string | null>(null);
  const now = useNow(1000);

  const cancel = async (r: MyRequest) => {
    if (!window.confirm(h.confirmCancel)) return;
    const res = await postEvent({ type: "request.cancelled", payload: { requestId: r.requestId } });
    setError(res.ok ? null : h.failed(errorText(res.error, lang)));
    await reload();
  };

  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 p-4 text-base">
      <header className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold">{h.title}</h1>
          {state.status === "ready" && state.data.household.building && (
            <p data-household className="text-slate-300">
              {h.household(state.data.household.building, state.data.household.unit ?? "")}
            </p>
          )}
        </div>
        <button type="button" onClick={toggle} className="min-h-12 rounded-lg px-3 ring-1 ring-slate-600">
          {h.language}
        </button>
      </header>
      {state.status === "loading" && <p className="text-slate-300">…</p>}
      {(state.status === "signed-out" || state.status === "forbidden") && (
        <p role="alert" className="rounded-lg bg-slate-900 p-4">
          {h.signIn}
        </p>
      )}
      {state.status === "ready" && (
        <>
          <p data-connection={state.live ? "live" : "offline"} className={`text-sm ${state.live ? "text-emerald-300" : "text-amber-300"}`}>
            {state.live ? h.live : h.offline}
          </p>
          {/* A pass comes first: it is what the phone is opened for at the gate. */}
          {state.data.requests.map(
            (r) =>
              showsPass(r.pass, now) && (
                <PassCard key={`pass-${r.requestId}`} requestId={r.requestId} pass={r.pass} person={r.person} lang={lang} now={now} />
              ),
          )}
          <RequestForm householdId={state.data.household.householdId} lang={lang} onSent={() => void reload()} />
          <section className="flex flex-col gap-3">
            <h2 className="text-xl font-semibold">{h.mine}</h2>
            {error && (
              <p role="alert" className="text-red-300">
                {error}
              </p>
            )}
            {state.data.requests.length === 0 ? (
              <p className="text-slate-300">{h.none}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {state.data.requests.map((r) => (
                  <RequestCard key={r.requestId} r={r} lang={lang} onCancel={(x) => void cancel(x)} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
