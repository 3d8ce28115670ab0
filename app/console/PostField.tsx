"use client";
// Why: the check-in form offers the compound's registered posts (from the registry), falling back to the built-in list.
import { PostPicker } from "../_components/PostPicker";
import type { Lang } from "../_i18n/dict";
import { useLive } from "../_live/use-live";
import { Choice } from "./EventForm";
import { useRegistry } from "./use-registry";

/** The `post` field of the check-in form: a picker of registered posts, or `fallback` (id → word) while none is registered. */
export function PostField({ label, lang, fallback }: { label: string; lang: Lang; fallback: Record<string, string> }) {
  const counts = useLive().snapshot?.counts;
  // The same key as the household picker's, so the page reads the registry once.
  const posts = useRegistry(counts && `${counts.householdsTotal}/${counts.buildingsTotal}`)?.posts ?? [];
  if (posts.length === 0) return <Choice label={label} name="post" options={fallback} />;
  return (
    <PostPicker
      label={label}
      posts={posts}
      lang={lang}
      labelClass="flex flex-col gap-1 text-sm text-slate-300"
      selectClass="rounded bg-slate-800 px-3 py-2 text-lg"
    />
  );
}
