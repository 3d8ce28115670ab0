// Why: what a screen calls a post, apart from the pickers' words in posts.ts, so the wall carries only this.
import { DICTS, LANGS, type Lang } from "./dict";

/** A post's names as the wall view and the registry carry them; absent for a post only ever typed as free text. */
export type Named = { post: string; nameZh?: string; nameEn?: string };

/** What a screen calls a post: its registered name in the screen's language, else the built-in word, else what was typed. */
export function postName(p: Named, lang: Lang): string {
  return (lang === "zh-CN" ? p.nameZh : p.nameEn) ?? DICTS[lang].wall.posts[p.post] ?? p.post;
}

/** The language a dictionary is in, for components that are handed only the dictionary. */
export const langOf = (t: unknown): Lang => LANGS.find((l) => DICTS[l] === t) ?? "en";
