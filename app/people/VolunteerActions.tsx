"use client";
// Why: a duplicate volunteer is merged into the one to keep, or a volunteer retired, after saying so in words.
import { useState } from "react";
import { ConfirmDialog } from "../_components/ConfirmDialog";
import type { Lang } from "../_i18n/dict";
import { PEOPLE_LIST } from "../_i18n/people-list";
import { postEvent } from "../_live/post-event";
import type { Volunteer } from "./use-people";

const input = "w-full rounded bg-slate-800 px-2 py-1";

/** The row's two buttons and their confirmation dialogs; `onDone` reloads the list. */
export function VolunteerActions({ v, others, lang, onDone }: { v: Volunteer; others: Volunteer[]; lang: Lang; onDone: () => void }) {
  const w = PEOPLE_LIST[lang];
  const [open, setOpen] = useState<"merge" | "retire" | null>(null);
  const [into, setInto] = useState("");
  const [reason, setReason] = useState("");
  const target = others.find((o) => o.volunteerId === into);
  const label = (o: Volunteer) => `${o.name}${o.building ? ` · ${o.building}` : ""}${o.phone ? ` · ${o.phone}` : ""}`;
  const post = async (type: "volunteer.merged" | "volunteer.retired") => {
    const text = reason.trim();
    const payload =
      type === "volunteer.merged"
        ? { volunteerId: v.volunteerId, intoVolunteerId: into, ...(text ? { reason: text } : {}) }
        : { volunteerId: v.volunteerId, ...(text ? { reason: text } : {}) };
    const r = await postEvent({ type, payload });
    if (r.ok) onDone();
    return r.ok ? { ok: true as const } : { ok: false as const, message: r.message, error: r.error };
  };
  const close = () => {
    setOpen(null);
    setInto("");
    setReason("");
  };
  const reasonField = (
    <label className="mt-2 flex flex-col gap-1 text-sm">
      {w.reason}
      <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} className={input} />
    </label>
  );
  return (
    <>
      <button
        type="button"
        data-merge={v.volunteerId}
        onClick={() => setOpen("merge")}
        className="rounded px-2 py-0.5 ring-1 ring-slate-600"
      >
        {w.merge}
      </button>{" "}
      <button
        type="button"
        data-retire={v.volunteerId}
        onClick={() => setOpen("retire")}
        className="rounded px-2 py-0.5 ring-1 ring-slate-600"
      >
        {w.retire}
      </button>
      {open === "merge" && (
        <ConfirmDialog
          kind="volunteer-merge"
          locale={lang}
          title={w.mergeTitle(v.name)}
          body={target ? w.mergeBody(label(v), label(target)) : w.mergeTitle(label(v))}
          confirmLabel={w.mergeConfirm}
          cancelLabel={w.cancel}
          workingLabel={w.working}
          onConfirm={() => (target ? post("volunteer.merged") : Promise.resolve({ ok: false, message: w.pick }))}
          onClose={close}
        >
          <label className="mt-2 flex flex-col gap-1 text-sm">
            {w.mergeInto}
            <select data-merge-into value={into} onChange={(e) => setInto(e.target.value)} className={input}>
              <option value="">{w.pick}</option>
              {others.map((o) => (
                <option key={o.volunteerId} value={o.volunteerId}>
                  {label(o)}
                </option>
              ))}
            </select>
          </label>
          {reasonField}
        </ConfirmDialog>
      )}
      {open === "retire" && (
        <ConfirmDialog
          kind="volunteer-retire"
          locale={lang}
          title={w.retireTitle(v.name)}
          body={w.retireBody(label(v))}
          confirmLabel={w.retireConfirm}
          cancelLabel={w.cancel}
          workingLabel={w.working}
          onConfirm={() => post("volunteer.retired")}
          onClose={close}
        >
          {reasonField}
        </ConfirmDialog>
      )}
    </>
  );
}
