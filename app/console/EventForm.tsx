"use client";
import { type FormEvent, type ReactNode, useRef, useState, useSyncExternalStore } from "react";
import type { Lang } from "../_i18n/dict";
import { OUTBOX } from "../_i18n/outbox";
import { errorText } from "../_i18n/reasons";
import { outbox } from "../_live/outbox";
import type { OutboxEntry } from "../_live/outbox-core";
import { actionKey, formFields, makeAction } from "./make-action";
import { thumbnail } from "./thumbnail";

type Status = { ok: boolean; text: string; queued?: string };

/** The largest file the server takes (contract section 7): refused here, before it waits on the phone for nothing. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * One quick form on a volunteer's phone: builds an event from its fields, keeps it in the outbox with
 * its id, sends it, says what happened. A re-tap of the same content before the volunteer was told it
 * was recorded is the same action (same id: a lost reply becomes a 200 duplicate, not a second event).
 */
export function EventForm({
  id,
  title,
  submit,
  ok,
  lang = "en",
  build,
  onMade,
  children,
}: {
  id: string;
  title: string;
  submit: string;
  ok: string;
  lang?: Lang;
  build: (form: FormData) => { type: string; payload: object } | string;
  /** Called once the action is kept (sent or waiting), with its outbox entry. */
  onMade?: (entry: OutboxEntry) => void;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<Status | null>(null);
  const last = useRef<{ key: string; id: string } | null>(null);
  const box = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const built = build(data);
    if (typeof built === "string") return setStatus({ ok: false, text: built });
    const event = { type: built.type, payload: built.payload as Record<string, unknown> };
    const got = data.get("photo");
    const file = got instanceof File && got.size > 0 ? got : null;
    // Another photo with the same fields is another action, not a re-tap of this one.
    const key = actionKey(event) + (file ? `|${file.name}|${file.size}|${file.lastModified}` : "");
    if (file && file.size > MAX_PHOTO_BYTES)
      return setStatus({ ok: false, text: errorText({ reason: "document_file_too_large", params: { mib: 10 } }, lang) });
    const photo = await thumbnail(file);
    const r = await makeAction(event, {
      form: id,
      reuse: last.current?.key === key ? last.current.id : undefined,
      fields: formFields(data),
      photo,
      // A picture goes to the desk through the outbox, before the event that names it.
      upload: file ?? undefined,
    });
    // Told "recorded": the next tap is a new action. Otherwise a re-tap of the same content is this one again.
    last.current = r.state === "sent" ? null : { key, id: r.entry.id };
    if (r.state === "refused") return setStatus({ ok: false, text: errorText(r.refusal, lang) });
    setStatus(r.state === "sent" ? { ok: true, text: ok } : { ok: true, text: OUTBOX[lang].queued, queued: r.entry.id });
    form.reset();
    onMade?.(r.entry);
  };
  // A kept action answered later: the form says so too (the outbox list keeps a refusal to fix or drop).
  const later = status?.queued ? box.entries.find((x) => x.id === status.queued) : undefined;
  const shown: Status | null =
    later?.state === "sent"
      ? { ok: true, text: ok }
      : later?.state === "refused" && later.refusal
        ? { ok: false, text: errorText(later.refusal, lang) }
        : status;
  return (
    <form data-form={id} onSubmit={onSubmit} className="flex flex-col gap-2 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
      <button type="submit" className="mt-1 rounded bg-emerald-400 py-2 text-lg font-semibold text-slate-950">
        {submit}
      </button>
      {shown && (
        <p
          role="status"
          data-status={shown.queued ? "queued" : shown.ok ? "ok" : "error"}
          className={shown.queued ? "text-amber-300" : shown.ok ? "text-emerald-300" : "text-red-300"}
        >
          {shown.text}
        </p>
      )}
    </form>
  );
}

const input = "rounded bg-slate-800 px-3 py-2 text-lg";

/** A labelled input sized for a thumb. */
export function Field({ label, ...props }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex flex-col gap-1 text-sm text-slate-300">
      {label}
      <input className={input} {...props} />
    </label>
  );
}

/** A labelled select of `options` (value → label). */
export function Choice({ label, name, options }: { label: string; name: string; options: Record<string, string> }) {
  return (
    <label className="flex flex-col gap-1 text-sm text-slate-300">
      {label}
      <select name={name} className={input}>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
