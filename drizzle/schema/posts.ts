// Why: the compound's posts (门岗 / Gate, …) are part of its registry, each with an id and a name in each language.
import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** A post as the secretary registered it (`post.registered`); `seq` (the registering event's) keeps the compound's own order. */
export const posts = pgTable(
  "posts",
  {
    community: text("community").notNull(),
    post: text("post").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.community, t.post] })],
);
