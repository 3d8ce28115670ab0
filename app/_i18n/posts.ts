// Why: the words of the post pickers and of registering a post, beside dict.ts (same languages, same shape rules).
import { DICTS, LANGS, type Lang } from "./dict";

type PostsDict = {
  choose: string;
  register: { title: string; hint: string; id: string; nameZh: string; nameEn: string; add: string; added: (name: string) => string };
};

export const POSTS: Record<Lang, PostsDict> = {
  en: {
    choose: "Choose a post",
    register: {
      title: "Add a post",
      hint: "Each post gets a short id (letters, e.g. gate) and a name in each language; typing either name later finds it.",
      id: "Id",
      nameZh: "Chinese name",
      nameEn: "English name",
      add: "Add",
      added: (name) => `${name} added`,
    },
  },
  "zh-CN": {
    choose: "选择岗位",
    register: {
      title: "新增岗位",
      hint: "每个岗位有一个简短编号（英文字母，如 gate）和中英文名称；之后输入任一名称都能找到它。",
      id: "编号",
      nameZh: "中文名称",
      nameEn: "英文名称",
      add: "新增",
      added: (name) => `已新增 ${name}`,
    },
  },
};

/** A post's names as the wall view and the registry carry them; absent for a post only ever typed as free text. */
export type Named = { post: string; nameZh?: string; nameEn?: string };

/** What a screen calls a post: its registered name in the screen's language, else the built-in word, else what was typed. */
export function postName(p: Named, lang: Lang): string {
  return (lang === "zh-CN" ? p.nameZh : p.nameEn) ?? DICTS[lang].wall.posts[p.post] ?? p.post;
}

/** The language a dictionary is in, for components that are handed only the dictionary. */
export const langOf = (t: unknown): Lang => LANGS.find((l) => DICTS[l] === t) ?? "en";
