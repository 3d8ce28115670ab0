"use client";
// The registered volunteers, whether each has a live sign-in link, and the buttons that make them.
import { useState } from "react";
import type { Lang } from "../_i18n/dict";
import { PEOPLE } from "../_i18n/people";
import { PEOPLE_LIST } from "../_i18n/people-list";
import { UndoButton } from "../history/UndoButton";
import type { MintRequest } from "./links";
import type { SignIn, Volunteer } from "./use-people";
import { VolunteerActions } from "./VolunteerActions";
import { byName, matches } from "./volunteer-order";

type Dict = (typeof PEOPLE)["en"];

/** What a volunteer's card says under the name: skills, else the post they hold now, else just their role. */
const detailOf = (v: Volunteer, posts: Record<string, string>) =>
  v.skills.length > 0
    ? v.skills.join(", ")
    : v.post
      ? (posts[v.post] ?? v.post)
      : `${PEOPLE["zh-CN"].roles.volunteer} · ${PEOPLE.en.roles.volunteer}`;

export const volunteerRequest = (v: Volunteer, posts: Record<string, string>): MintRequest => ({
  role: "volunteer",
  label: v.name,
  volunteerId: v.volunteerId,
  detail: detailOf(v, posts),
});

export function VolunteerList({
  volunteers,
  signIns,
  posts,
  busy,
  progress,
  p,
  onMint,
  lang,
  onChanged,
}: {
  volunteers: Volunteer[];
  signIns: SignIn[];
  posts: Record<string, string>;
  busy: boolean;
  progress: { done: number; total: number } | null;
  p: Dict;
  onMint: (reqs: MintRequest[]) => void;
  lang: Lang;
  /** A merge or retirement went through: read the list again. */
  onChanged: () => void;
}) {
  const v = p.volunteers;
  const w = PEOPLE_LIST[lang];
  const [query, setQuery] = useState("");
  const sorted = [...volunteers].sort(byName);
  const shown = sorted.filter((x) => matches(x, query, (post) => posts[post] ?? post));
  const live = new Set(signIns.filter((s) => s.volunteerId && !s.revokedAt).map((s) => s.volunteerId));
  const without = volunteers.filter((x) => !live.has(x.volunteerId));
  return (
    <section className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800" data-volunteers={volunteers.length}>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{v.title}</h2>
        <button
          type="button"
          data-mint-all
          disabled={busy || without.length === 0}
          onClick={() => onMint(without.map((x) => volunteerRequest(x, posts)))}
          className="ml-auto rounded bg-emerald-400 px-3 py-1 text-sm font-semibold text-slate-950 disabled:opacity-40"
        >
          {without.length === 0 ? v.allHave : v.makeAll(without.length)}
        </button>
      </div>
      {progress && (
        <p role="status" className="mb-2 text-sm text-slate-300">
          {v.making(progress.done, progress.total)}
        </p>
      )}
      <label className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        {w.search}
        <input
          type="search"
          data-volunteer-search
          value={query}
          placeholder={w.searchHint}
          onChange={(e) => setQuery(e.target.value)}
          className="min-w-48 grow rounded bg-slate-800 px-2 py-1"
        />
        <span className="text-slate-400" data-volunteers-shown={shown.length}>
          {w.shown(shown.length, volunteers.length)}
        </span>
      </label>
      {volunteers.length === 0 ? (
        <p className="text-slate-400">{v.empty}</p>
      ) : (
        <div className="max-h-[32rem] overflow-auto">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-900 text-slate-400">
              <tr>
                <th className="py-1 pr-2">{v.name}</th>
                <th className="py-1 pr-2">{w.phone}</th>
                <th className="py-1 pr-2">{w.building}</th>
                <th className="py-1 pr-2">{v.skills}</th>
                <th className="py-1 pr-2">{v.duty}</th>
                <th className="py-1 pr-2">{v.links}</th>
                <th className="py-1">{w.actions}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((x) => (
                <tr key={x.volunteerId} data-volunteer={x.volunteerId} className="border-t border-slate-800">
                  <td className="py-1 pr-2">
                    {x.name}
                    <a
                      href={`/history?entity=volunteer&id=${encodeURIComponent(x.volunteerId)}`}
                      data-history-link={x.volunteerId}
                      title={v.historyTitle(x.name)}
                      aria-label={v.historyTitle(x.name)}
                      className="ml-2 text-xs text-sky-300 underline"
                    >
                      {v.history}
                    </a>
                  </td>
                  <td className="py-1 pr-2 tabular-nums text-slate-300" data-phone>
                    {x.phone ?? w.noPhone}
                  </td>
                  <td className="py-1 pr-2 text-slate-300" data-lives-in>
                    {x.building ?? w.noPhone}
                  </td>
                  <td className="py-1 pr-2 text-slate-300">{x.skills.join(", ")}</td>
                  <td className="py-1 pr-2">
                    {x.onDuty ? v.onDuty(posts[x.post ?? ""] ?? x.post ?? "") : v.offDuty}
                    {/* A mistaken check-in is undone here too (its hours stop), with a reason; checking out is the phone's. */}
                    {x.onDuty && (
                      <span className="ml-2">
                        <UndoButton
                          undo={{ type: "volunteer.checkin_undone", payload: { volunteerId: x.volunteerId } }}
                          label={w.undoCheckIn}
                          what={x.name}
                          names={{ building: (id) => id, household: (id) => id, volunteer: () => x.name, round: (id) => id }}
                          lang={lang}
                          onDone={onChanged}
                        />
                      </span>
                    )}
                  </td>
                  <td className="py-1 pr-2">
                    <span className="mr-2 text-slate-400">{live.has(x.volunteerId) ? "✓" : v.noLink}</span>
                    <button
                      type="button"
                      data-mint={x.volunteerId}
                      disabled={busy}
                      onClick={() => onMint([volunteerRequest(x, posts)])}
                      className="rounded px-2 py-0.5 ring-1 ring-slate-600 disabled:opacity-40"
                    >
                      {v.make}
                    </button>
                  </td>
                  <td className="whitespace-nowrap py-1">
                    <VolunteerActions v={x} others={sorted.filter((o) => o.volunteerId !== x.volunteerId)} lang={lang} onDone={onChanged} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
