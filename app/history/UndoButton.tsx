"use client";
// Why: a mistake is undone, not erased: the secretary confirms once, says why, and the history shows the undo under it.
import { useState } from "react";
import { ConfirmDialog } from "../_components/ConfirmDialog";
import { ReasonField } from "../_components/ReasonField";
import type { Lang } from "../_i18n/dict";
import { HISTORY, type Names } from "../_i18n/history";
import { postEvent } from "../_live/post-event";
import type { Undo } from "./undo";

/** The row's Undo… button and its dialog (what will happen, a reason); `onDone` reads the history again. */
export function UndoButton({
  undo,
  label,
  what,
  names,
  lang,
  onDone,
}: {
  undo: Undo;
  /** The button's text (Undo… unless given). */
  label?: string;
  /** The row's sentence, for the button's accessible name. */
  what: string;
  names: Names;
  lang: Lang;
  onDone: () => void;
}) {
  const u = HISTORY[lang].undo;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const who = "householdId" in undo.payload ? names.household(undo.payload.householdId) : names.volunteer(undo.payload.volunteerId);
  const send = async () => {
    const text = reason.trim();
    if (!text) return { ok: false as const, message: u.needReason };
    const r = await postEvent({ type: undo.type, payload: { ...undo.payload, reason: text } });
    if (!r.ok) return { ok: false as const, message: r.message, error: r.error };
    onDone();
    return { ok: true as const };
  };
  return (
    <>
      <button
        type="button"
        data-undo-event={undo.type}
        onClick={() => setOpen(true)}
        title={u.buttonTitle(what)}
        // The visible words first, so a voice command naming the button finds it; then what it undoes.
        aria-label={`${label ?? u.button} ${what}`}
        className="min-h-8 rounded px-2 py-0.5 text-sm ring-1 ring-amber-400/70 hover:bg-slate-800"
      >
        {label ?? u.button}
      </button>
      {open && (
        <ConfirmDialog
          kind="undo"
          locale={lang}
          title={u.title[undo.type](who)}
          body={u.body[undo.type](who)}
          confirmLabel={u.confirm}
          cancelLabel={u.cancel}
          workingLabel={u.working}
          onConfirm={send}
          onClose={() => {
            setOpen(false);
            setReason("");
          }}
        >
          <ReasonField label={u.reason} name="undo-reason" value={reason} onChange={setReason} required />
        </ConfirmDialog>
      )}
    </>
  );
}
