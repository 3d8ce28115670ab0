"use client";
// The secretary's people-and-screens page: hand out sign-in links as QR codes, print them, see who was last seen, revoke.
import { useState } from "react";
import { SecretaryOnly } from "../_components/SecretaryOnly";
import { SignInNotice } from "../_components/SignInNotice";
import { DICTS } from "../_i18n/dict";
import { PEOPLE } from "../_i18n/people";
import { PEOPLE_LIST } from "../_i18n/people-list";
import { errorText } from "../_i18n/reasons";
import { useLang } from "../_i18n/use-lang";
import { useNow } from "../_live/use-now";
import { linkOrigin, linksOnlyWorkHere } from "./address";
import { CompoundForm } from "./CompoundForm";
import { DoorLabels } from "./DoorLabels";
import { type Minted, type MintRequest, mintLink, revokeLink } from "./links";
import { MintedLinks } from "./MintedLinks";
import { PrintSheet } from "./PrintSheet";
import { ScreenLinks } from "./ScreenLinks";
import { SignIns } from "./SignIns";
import type { SignIn } from "./use-people";
import { usePeople } from "./use-people";
import { VolunteerList } from "./VolunteerList";

export function PeopleScreen() {
  const { lang, t, toggle } = useLang();
  const p = PEOPLE[lang];
  const { state, reload } = usePeople();
  const now = useNow(15_000);
  const [minted, setMinted] = useState<Minted[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** One after another, so a long list shows its progress and stops at the first refusal. */
  const mint = async (reqs: MintRequest[]) => {
    setError(null);
    setProgress({ done: 0, total: reqs.length });
    for (const [i, req] of reqs.entries()) {
      const r = await mintLink(linkOrigin(window.location.origin, state.status === "ready" ? state.publicUrl : null), req);
      if ("error" in r) {
        setError(p.failed(errorText(r.error, lang)));
        break;
      }
      setMinted((m) => [...m, r]);
      setProgress({ done: i + 1, total: reqs.length });
    }
    setProgress(null);
    await reload();
  };
  const revoke = async (s: SignIn) => {
    if (!window.confirm(p.signIns.confirm(s.label))) return;
    const problem = await revokeLink(s.id);
    setError(problem ? p.failed(errorText(problem, lang)) : null);
    setMinted((m) => m.filter((x) => x.id !== s.id));
    await reload(false);
  };

  return (
    <main className="mx-auto max-w-6xl p-6 print:m-0 print:max-w-none print:p-0">
      <div className="print:hidden">
        <header className="flex flex-wrap items-center gap-3 py-4">
          <h1 className="text-2xl font-semibold">
            {p.title}
            <span className="ml-3 text-base font-normal text-slate-400" data-compound-name>
              {state.status === "ready" ? (state.name ?? PEOPLE_LIST[lang].ours) : ""}
            </span>
          </h1>
          <a href="/" className="text-sm text-sky-300 underline">
            {p.back}
          </a>
          <button type="button" onClick={toggle} className="ml-auto rounded px-2 py-1 text-sm ring-1 ring-slate-700">
            {t.language}
          </button>
        </header>
        {state.status === "loading" && <p className="text-slate-400">{p.loading}</p>}
        {state.status === "signed-out" && <SignInNotice text={t.signIn} />}
        {state.status === "forbidden" && <SecretaryOnly text={p.secretaryOnly} />}
        {state.status === "failed" && <p role="alert">{p.failed(state.message)}</p>}
        {state.status === "ready" && (
          <>
            {error && (
              <p role="alert" className="mb-3 text-red-300">
                {error}
              </p>
            )}
            {linksOnlyWorkHere(window.location.hostname, state.publicUrl) && (
              <div data-loopback-warning role="alert" className="mb-4 rounded-lg bg-amber-950/60 p-4 text-amber-100 ring-1 ring-amber-700">
                <p className="font-semibold">{p.loopback.title}</p>
                <p className="mt-1 text-sm">{p.loopback.fix(window.location.port || "3000")}</p>
              </div>
            )}
            <MintedLinks minted={minted} p={p} onClear={() => setMinted([])} />
            <CompoundForm p={p} busy={progress !== null} onMint={(r) => void mint(r)} />
            <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
              <VolunteerList
                volunteers={state.volunteers}
                signIns={state.signIns}
                posts={DICTS[lang].wall.posts}
                busy={progress !== null}
                progress={progress}
                p={p}
                onMint={(r) => void mint(r)}
                lang={lang}
                onChanged={() => void reload()}
              />
              <div className="flex flex-col gap-4">
                <ScreenLinks p={p} busy={progress !== null} onMint={(r) => void mint(r)} />
                <DoorLabels
                  buildings={state.buildings}
                  households={state.households}
                  p={p}
                  busy={progress !== null}
                  onMint={(r) => void mint(r)}
                />
              </div>
            </div>
            <SignIns signIns={state.signIns} volunteers={state.volunteers} now={now} locale={lang} p={p} onRevoke={(s) => void revoke(s)} />
          </>
        )}
      </div>
      <PrintSheet minted={minted} name={state.status === "ready" ? state.name : null} />
    </main>
  );
}
