"use client";
import { type FormEvent, useState } from "react";
import type { WallView } from "../../server/protocol/wall";
import type { DICTS } from "../_i18n/dict";
import { langOf, postName } from "../_i18n/posts";
import { errorText } from "../_i18n/reasons";
import { postEvent } from "../_live/post-event";
import { PostPicker } from "./PostPicker";
import { PostRegisterForm } from "./PostRegisterForm";

type Dict = (typeof DICTS)["en"];

/** Sets how many volunteers each post needs; the wall raises an alarm below it. */
export function PostMinimums({ posts, t }: { posts: WallView["posts"] | undefined; t: Dict }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const lang = langOf(t);
  // Registered posts are picked by name; free text only while the compound has registered none.
  const registered = (posts ?? []).filter((p) => p.nameZh !== undefined);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const r = await postEvent({
      type: "post.minimum_set",
      payload: { post: String(form.get("post") ?? "").trim(), minimum: Number(form.get("minimum")) },
    });
    setStatus(r.ok ? { ok: true, text: t.desk.saved } : { ok: false, text: errorText(r.error, lang, r.message) });
  };
  return (
    <section className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{t.desk.minimums}</h2>
      <p className="mb-2 text-sm text-slate-400">{t.desk.minimumHint}</p>
      <ul className="mb-3 flex flex-wrap gap-2 text-sm">
        {(posts ?? []).map((p) => (
          <li key={p.post} data-post={p.post} className="rounded bg-slate-800 px-2 py-1">
            {postName(p, lang)}: {p.onDuty}
            {p.minimum !== null && <span className="text-slate-400"> / {p.minimum}</span>}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={t.desk.minimums}>
        {registered.length > 0 ? (
          <PostPicker
            label={t.desk.post}
            posts={registered}
            lang={lang}
            labelClass="flex flex-col text-sm"
            selectClass="rounded bg-slate-800 px-2 py-1"
          />
        ) : (
          <label className="flex flex-col text-sm">
            {t.desk.post}
            <input name="post" required list="cordon-posts" className="rounded bg-slate-800 px-2 py-1" />
          </label>
        )}
        <datalist id="cordon-posts">
          {Object.keys(t.wall.posts).map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <label className="flex flex-col text-sm">
          {t.desk.minimum}
          <input name="minimum" type="number" min={0} max={1000} required className="w-24 rounded bg-slate-800 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-slate-100 px-3 py-1 font-semibold text-slate-900">
          {t.desk.save}
        </button>
      </form>
      {status && (
        <p
          role="status"
          data-minimum-status={status.ok ? "ok" : "error"}
          className={`mt-2 text-sm ${status.ok ? "text-emerald-300" : "text-red-300"}`}
        >
          {status.text}
        </p>
      )}
      <PostRegisterForm lang={lang} />
    </section>
  );
}
