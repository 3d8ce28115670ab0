// The phone's header line: who it is signed in as, and whether they are on duty and where.
import { DICTS, type Lang } from "../_i18n/dict";
import { PEOPLE } from "../_i18n/people";
import type { Session } from "./use-session";

export function WhoAmI({ session, lang }: { session: Session | null; lang: Lang }) {
  if (!session) return null;
  const p = PEOPLE[lang].console;
  const v = session.volunteer;
  if (!v)
    return (
      <p data-whoami="" className="text-sm text-slate-400">
        {p.signedInAs} {session.label}
      </p>
    );
  const post = v.post ? (DICTS[lang].wall.posts[v.post] ?? v.post) : "";
  return (
    <p data-whoami={v.volunteerId} data-on-duty={v.onDuty ? "yes" : "no"} className="text-sm text-slate-300">
      {/* A person by their name, never by an id such as v-6ae28fcc2d74. */}
      {p.signedInAs} <span className="font-semibold text-white">{v.name ?? p.unnamed}</span> ·{" "}
      <span className={v.onDuty ? "text-emerald-300" : "text-slate-400"}>{v.onDuty ? p.onDuty(post) : p.offDuty}</span>
    </p>
  );
}
