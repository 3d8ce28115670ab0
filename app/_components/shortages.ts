// Why: the wall and the desk name the same understaffed posts, from the same rule.
import type { WallView } from "../../server/protocol/wall";

type Post = WallView["posts"][number];
export type ShortPost = Post & { minimum: number };

/** Posts with a minimum set and fewer volunteers on duty than it, with their names as the wall view carries them. Pure. */
export const shortagesOf = (posts: readonly Post[] | undefined): ShortPost[] =>
  (posts ?? []).filter((p): p is ShortPost => p.minimum !== null && p.onDuty < p.minimum);
