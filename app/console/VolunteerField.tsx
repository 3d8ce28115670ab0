"use client";
// The check-in/out forms' volunteer field: free for a shared phone, fixed to the owner on a volunteer's own phone.
import type { Lang } from "../_i18n/dict";
import { PEOPLE } from "../_i18n/people";
import { Field } from "./EventForm";
import type { Session } from "./use-session";

export function VolunteerField({ label, session, lang }: { label: string; session: Session | null; lang: Lang }) {
  const own = session?.volunteer?.volunteerId;
  if (!own) return <Field label={label} name="volunteerId" required autoComplete="off" />;
  return (
    <>
      <Field label={label} name="volunteerId" value={own} readOnly aria-readonly data-own-volunteer />
      <p className="text-xs text-slate-400">{PEOPLE[lang].console.ownOnly}</p>
    </>
  );
}
