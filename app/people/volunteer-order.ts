// Why: the people list in a stable order that puts duplicates side by side, and a search that finds them.
import type { Volunteer } from "./use-people";

const collator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });

/** By name (pinyin order for Chinese), then building, then phone, then id: the same list in the same order every time. */
export function byName(a: Volunteer, b: Volunteer): number {
  return (
    collator.compare(a.name, b.name) ||
    collator.compare(a.building ?? "", b.building ?? "") ||
    collator.compare(a.phone ?? "", b.phone ?? "") ||
    collator.compare(a.volunteerId, b.volunteerId)
  );
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** Whether a volunteer matches what was typed: name, phone (digits anywhere), building, skill or post (its id or shown name). */
export function matches(v: Volunteer, query: string, postName: (post: string) => string): boolean {
  const q = fold(query);
  if (!q) return true;
  const digits = q.replace(/\D/g, "");
  if (digits.length >= 3 && (v.phone ?? "").replace(/\D/g, "").includes(digits)) return true;
  return [v.name, v.building ?? "", ...v.skills, v.post ?? "", v.post ? postName(v.post) : ""].some((s) => fold(s).includes(q));
}
