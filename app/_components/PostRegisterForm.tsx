"use client";
// Why: the secretary registers the compound's posts (post.registered) from the desk, beside their minimums.
import { type FormEvent, useState } from "react";
import type { Lang } from "../_i18n/dict";
import { POSTS } from "../_i18n/posts";
import { errorText } from "../_i18n/reasons";
import { postEvent } from "../_live/post-event";

const input = "rounded bg-slate-800 px-2 py-1";

/** Adds a post with its id and its Chinese and English names; a refused one shows the API's refusal in the screen's language. */
export function PostRegisterForm({ lang }: { lang: Lang }) {
  const w = POSTS[lang].register;
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const field = (k: string) => String(f.get(k) ?? "").trim();
    const payload = { post: field("postId"), nameZh: field("nameZh"), nameEn: field("nameEn") };
    const r = await postEvent({ type: "post.registered", payload });
    setStatus(
      r.ok
        ? { ok: true, text: w.added(lang === "zh-CN" ? payload.nameZh : payload.nameEn) }
        : { ok: false, text: errorText(r.error, lang, r.message) },
    );
    if (r.ok) form.reset();
  };
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-slate-300">{w.title}</summary>
      <p className="my-2 text-slate-400">{w.hint}</p>
      <form onSubmit={submit} data-post-register className="flex flex-wrap items-end gap-2" aria-label={w.title}>
        <label className="flex flex-col">
          {w.id}
          <input name="postId" required placeholder="gate" autoComplete="off" className={`w-28 ${input}`} />
        </label>
        <label className="flex flex-col">
          {w.nameZh}
          <input name="nameZh" required placeholder="门岗" className={`w-32 ${input}`} />
        </label>
        <label className="flex flex-col">
          {w.nameEn}
          <input name="nameEn" required placeholder="Gate" className={`w-32 ${input}`} />
        </label>
        <button type="submit" className="rounded bg-slate-100 px-3 py-1 font-semibold text-slate-900">
          {w.add}
        </button>
      </form>
      {status && (
        <p
          role="status"
          data-register-status={status.ok ? "ok" : "error"}
          className={`mt-2 ${status.ok ? "text-emerald-300" : "text-red-300"}`}
        >
          {status.text}
        </p>
      )}
    </details>
  );
}
