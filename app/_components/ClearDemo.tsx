"use client";
// Why: a committee goes from the demo to its own compound from the desk, with no terminal, and no demo number stays in its counts.
import { useState } from "react";
import { deskWords } from "../_i18n/desk";
import { postEvent } from "../_live/post-event";
import { ConfirmDialog } from "./ConfirmDialog";

/** The desk's button beside the demo banner: clears the demo (`demo.cleared`) after a confirmation, then opens the import. */
export function ClearDemo({ locale }: { locale: string }) {
  const w = deskWords(locale);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        data-clear-demo
        onClick={() => setOpen(true)}
        className="ml-3 rounded bg-white px-2 py-0.5 text-sm font-semibold text-fuchsia-800"
      >
        {w.demo.clear}
      </button>
      {open && (
        <ConfirmDialog
          kind="demo-clear"
          locale={locale}
          title={w.demo.title}
          body={w.demo.body}
          confirmLabel={w.confirm}
          cancelLabel={w.cancel}
          workingLabel={w.working}
          onConfirm={async () => {
            const r = await postEvent({ type: "demo.cleared", payload: {} });
            if (r.ok) window.location.assign("/import");
            return r;
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
