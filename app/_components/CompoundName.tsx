"use client";
// Why: the desk names the compound (community.named) so no screen, sheet or report ever shows a person its id.
import { type FormEvent, useState } from "react";
import type { Lang } from "../_i18n/dict";
import { errorText } from "../_i18n/reasons";
import { postEvent } from "../_live/post-event";

const WORDS = {
  en: {
    ours: "Our compound",
    offer: "Name the compound",
    rename: "Rename",
    label: "The compound's name, as residents and the street office know it",
    save: "Save the name",
    cancel: "Cancel",
    hint: "Not named yet: screens, sheets and reports say “our compound”.",
  },
  "zh-CN": {
    ours: "本小区",
    offer: "给小区命名",
    rename: "改名",
    label: "小区名称（居民和街道熟知的名字）",
    save: "保存名称",
    cancel: "取消",
    hint: "尚未命名：各屏幕、打印页和日报暂称“本小区”。",
  },
} as const;

/** The compound's name in the desk's header, and the form that names it: offered at once while it has none. */
export function CompoundName({ name, lang }: { name: string | null | undefined; lang: Lang }) {
  const w = WORDS[lang];
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get("name") ?? "").trim();
    if (!value) return;
    const r = await postEvent({ type: "community.named", payload: { name: value } });
    if (r.ok) {
      setEditing(false);
      setError(null);
    } else setError(errorText(r.error, lang, r.message));
  };
  const form = (
    <form onSubmit={submit} data-name-form className="flex flex-wrap items-end gap-2 text-sm" aria-label={w.offer}>
      <label className="flex flex-col">
        {w.label}
        <input name="name" required maxLength={100} defaultValue={name ?? ""} className="w-64 rounded bg-slate-800 px-2 py-1" />
      </label>
      <button type="submit" className="min-h-9 rounded bg-slate-100 px-3 font-semibold text-slate-900">
        {w.save}
      </button>
      {name && (
        <button type="button" onClick={() => setEditing(false)} className="min-h-9 rounded px-3 ring-1 ring-slate-600">
          {w.cancel}
        </button>
      )}
      {error && (
        <p role="alert" className="w-full text-red-300">
          {error}
        </p>
      )}
    </form>
  );
  return (
    <div className="flex flex-col gap-2">
      <p className="flex items-baseline gap-3">
        <span data-compound-name={name ?? ""} className="text-lg font-semibold">
          {name ?? w.ours}
        </span>
        {name && !editing && (
          <button type="button" onClick={() => setEditing(true)} className="text-sm text-sky-300 underline">
            {w.rename}
          </button>
        )}
      </p>
      {!name && <p className="text-sm text-amber-200">{w.hint}</p>}
      {(!name || editing) && form}
    </div>
  );
}
