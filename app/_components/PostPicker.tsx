// Why: volunteers and the secretary pick a registered post by its name, so 门岗 and Gate can never become two posts.
import type { Lang } from "../_i18n/dict";
import { type Named, POSTS, postName } from "../_i18n/posts";

/** A labelled select of the registered posts, shown in the screen's language; its value is the post's id. */
export function PostPicker({
  label,
  posts,
  lang,
  name = "post",
  labelClass,
  selectClass,
}: {
  label: string;
  posts: readonly Named[];
  lang: Lang;
  name?: string;
  labelClass: string;
  selectClass: string;
}) {
  return (
    <label className={labelClass}>
      {label}
      <select name={name} required defaultValue="" data-post-picker className={selectClass}>
        <option value="" disabled>
          {POSTS[lang].choose}
        </option>
        {posts.map((p) => (
          <option key={p.post} value={p.post}>
            {postName(p, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
