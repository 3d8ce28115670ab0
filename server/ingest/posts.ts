// Why: a post is named three ways (gate, 门岗, Gate); the projections and the feed keep one: the registered id.
import { and, eq, or, sql } from "drizzle-orm";
import { posts } from "../../drizzle/schema";
import { conflict } from "../errors";
import type { Payload } from "../protocol/events";
import type { ApplyContext } from "./batch";

const folded = (s: string) => s.trim().toLowerCase();

/** The registered posts of the community that `text` names by id or by either name (any case, trimmed). */
async function postsNamed(c: ApplyContext, texts: string[]) {
  const keys = texts.map(folded);
  const match = (column: typeof posts.post | typeof posts.nameZh | typeof posts.nameEn) =>
    sql`lower(${column}) in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`;
  return c.tx
    .select({ post: posts.post, nameZh: posts.nameZh, nameEn: posts.nameEn })
    .from(posts)
    .where(and(eq(posts.community, c.community), or(match(posts.post), match(posts.nameZh), match(posts.nameEn))));
}

/**
 * The registered post's id when `text` is its id, its Chinese or its English name (any case, trimmed);
 * otherwise `text` as it came (free text is still accepted). Names are unique across a community's posts.
 */
export async function resolvePost(c: ApplyContext, text: string): Promise<string> {
  const [hit] = await postsNamed(c, [text]);
  return hit?.post ?? text;
}

/** `post.registered`: 409 when the id is registered, or when a name is already another post's id or name. */
export async function registerPost(c: ApplyContext, p: Payload<"post.registered">): Promise<void> {
  const taken = await postsNamed(c, [p.post, p.nameZh, p.nameEn]);
  const same = taken.find((t) => t.post === p.post);
  if (same) throw conflict("post_already_registered", { post: p.post, nameZh: same.nameZh, nameEn: same.nameEn }, "payload.post");
  const other = taken[0];
  if (other) {
    const names = [other.post, other.nameZh, other.nameEn].map(folded);
    const path = names.includes(folded(p.nameZh)) ? "payload.nameZh" : names.includes(folded(p.nameEn)) ? "payload.nameEn" : "payload.post";
    throw conflict("post_name_taken", { post: other.post, nameZh: other.nameZh, nameEn: other.nameEn }, path);
  }
  await c.tx.insert(posts).values({ community: c.community, post: p.post, nameZh: p.nameZh, nameEn: p.nameEn, seq: c.seq });
}
