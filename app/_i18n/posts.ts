// Why: the words of the post pickers and of registering a post, beside dict.ts (same languages, same shape rules).
import type { Lang } from "./dict";

// The naming of posts has its own file, so a screen that only names posts (the wall) does not carry the pickers' words.
export { langOf, type Named, postName } from "./post-name";

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
