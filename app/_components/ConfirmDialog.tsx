"use client";
// Why: every state change the desk starts is said in words and confirmed first; Cancel (or Escape) posts nothing.
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { errorText, type Reasoned } from "../_i18n/reasons";

type Outcome = { ok: true } | { ok: false; message: string; error?: Reasoned };

/**
 * A modal dialog that says what will happen. Confirm runs `onConfirm`; the dialog closes when it
 * succeeds and shows the API's refusal, in the screen's language (`locale`), when it is refused. `children` holds any fields (a reason).
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  workingLabel,
  onConfirm,
  onClose,
  children,
  kind,
  locale,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  workingLabel: string;
  onConfirm: () => Promise<Outcome>;
  onClose: () => void;
  children?: ReactNode;
  /** What the dialog does, for tests and styles: `seal`, `unseal`, `round-open`, `round-close`. */
  kind: string;
  /** The screen's language: the refusal is shown in it. */
  locale: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const confirm = async () => {
    setBusy(true);
    const r = await onConfirm();
    setBusy(false);
    if (r.ok) onClose();
    else setError(errorText(r.error, locale === "zh-CN" ? "zh-CN" : "en", r.message));
  };
  return (
    <dialog
      ref={ref}
      data-confirm={kind}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      className="m-auto w-[32rem] max-w-[92vw] rounded-xl bg-slate-900 p-5 text-slate-100 ring-1 ring-slate-600 backdrop:bg-black/60"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <p data-confirm-body className="mt-2 text-slate-300">
        {body}
      </p>
      {children && <div className="mt-3 flex flex-col gap-2">{children}</div>}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-300">
          {error}
        </p>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" onClick={onClose} disabled={busy} className="rounded px-3 py-1 ring-1 ring-slate-500 disabled:opacity-40">
          {cancelLabel}
        </button>
        <button
          type="button"
          onClick={confirm}
          disabled={busy}
          className="rounded bg-amber-400 px-3 py-1 font-semibold text-slate-950 disabled:opacity-40"
        >
          {busy ? workingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
