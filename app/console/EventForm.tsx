"use client";
import { type FormEvent, type ReactNode, useState } from "react";
import { postEvent } from "../_live/post-event";

/** One quick form on a volunteer's phone: builds an event from its fields, posts it, says what happened. */
export function EventForm({
  id,
  title,
  submit,
  ok,
  build,
  children,
}: {
  id: string;
  title: string;
  submit: string;
  ok: string;
  build: (form: FormData) => { type: string; payload: object } | string;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const event = build(new FormData(form));
    if (typeof event === "string") return setStatus({ ok: false, text: event });
    const r = await postEvent(event);
    setStatus(r.ok ? { ok: true, text: ok } : { ok: false, text: r.message });
    if (r.ok) form.reset();
  };
  return (
    <form data-form={id} onSubmit={onSubmit} className="flex flex-col gap-2 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
      <button type="submit" className="mt-1 rounded bg-emerald-400 py-2 text-lg font-semibold text-slate-950">
        {submit}
      </button>
      {status && (
        <p role="status" data-status={status.ok ? "ok" : "error"} className={status.ok ? "text-emerald-300" : "text-red-300"}>
          {status.text}
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
