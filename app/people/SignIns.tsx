"use client";
import { fmtAge } from "../_components/wall-format";
// Every sign-in the secretary has handed out: whose it is, when it was last seen, and the button that revokes it.
import type { PEOPLE } from "../_i18n/people";
import { tokenLabel } from "../_i18n/token-label";
import type { SignIn, Volunteer } from "./use-people";

type Dict = (typeof PEOPLE)["en"];

const fmtWhen = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(Date.parse(iso));

/** "never", "just now", or how long ago, to the minute: the column is written at most once a minute. */
function seen(at: string | null, now: number, locale: string, s: Dict["signIns"]): string {
  if (!at) return s.never;
  const age = now - Date.parse(at);
  return age < 60_000 ? s.justNow : s.ago(fmtAge(age, locale));
}

export function SignIns({
  signIns,
  volunteers,
  now,
  locale,
  p,
  onRevoke,
}: {
  signIns: SignIn[];
  volunteers: Volunteer[];
  now: number;
  locale: string;
  p: Dict;
  onRevoke: (s: SignIn) => void;
}) {
  const s = p.signIns;
  const names = new Map(volunteers.map((v) => [v.volunteerId, v.name]));
  const newestFirst = [...signIns].reverse();
  return (
    <section className="mt-6 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{s.title}</h2>
      <p className="mb-2 text-sm text-slate-400">{s.seenHint}</p>
      <div className="max-h-[32rem] overflow-auto">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-slate-900 text-slate-400">
            <tr>
              <th className="py-1 pr-2">{s.role}</th>
              <th className="py-1 pr-2">{s.label}</th>
              <th className="py-1 pr-2">{s.who}</th>
              <th className="py-1 pr-2">{s.created}</th>
              <th className="py-1 pr-2">{s.lastSeen}</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((x) => (
              <tr
                key={x.id}
                data-sign-in={x.id}
                data-revoked={x.revokedAt ? "yes" : "no"}
                className={`border-t border-slate-800 ${x.revokedAt ? "text-slate-400 line-through decoration-slate-600" : ""}`}
              >
                <td className="py-1 pr-2">{p.roles[x.role] ?? x.role}</td>
                <td className="py-1 pr-2">{tokenLabel(x.label, locale === "zh-CN" ? "zh-CN" : "en")}</td>
                <td className="py-1 pr-2">{x.volunteerId ? `${names.get(x.volunteerId) ?? "?"} · ${x.volunteerId}` : ""}</td>
                <td className="py-1 pr-2 tabular-nums">{fmtWhen(x.createdAt, locale)}</td>
                <td className="py-1 pr-2 tabular-nums" data-last-seen={x.lastSeenAt ?? ""}>
                  {seen(x.lastSeenAt, now, locale, s)}
                </td>
                <td className="py-1 text-right">
                  {x.revokedAt ? (
                    <span className="no-underline">{s.revoked}</span>
                  ) : (
                    <button
                      type="button"
                      data-revoke={x.id}
                      onClick={() => onRevoke(x)}
                      className="rounded bg-red-400 px-2 py-0.5 font-semibold text-slate-950"
                    >
                      {s.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
