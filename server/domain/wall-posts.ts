// Why: the wall lists each post once, under its registered id and names, even where older rows spelled it 门岗 or Gate.
export interface RegisteredPost {
  post: string;
  nameZh: string;
  nameEn: string;
}
export interface WallPost {
  post: string;
  onDuty: number;
  minimum: number | null;
  nameZh?: string;
  nameEn?: string;
}

const fold = (s: string) => s.trim().toLowerCase();

/**
 * Every registered post (in the order registered), then the free-text posts in use, sorted. A row that names a
 * registered post by a name (written before it was registered) counts for that post; for the minimum, the row
 * under the id wins, else the highest of the rows under its names.
 */
export function mergePosts(
  registered: RegisteredPost[],
  onDuty: { post: string; n: number }[],
  minimums: { post: string; minimum: number }[],
): WallPost[] {
  const alias = new Map<string, string>();
  for (const r of registered) for (const name of [r.nameEn, r.nameZh, r.post]) alias.set(fold(name), r.post);
  const out = new Map<string, WallPost>(registered.map((r) => [r.post, { ...r, onDuty: 0, minimum: null }]));
  const row = (post: string) => {
    const key = alias.get(fold(post)) ?? post;
    const found = out.get(key) ?? { post: key, onDuty: 0, minimum: null };
    out.set(key, found);
    return found;
  };
  for (const d of onDuty) row(d.post).onDuty += d.n;
  const own = new Set<string>();
  for (const m of minimums) {
    const p = row(m.post);
    if (m.post === p.post) {
      own.add(p.post);
      p.minimum = m.minimum;
    } else if (!own.has(p.post)) p.minimum = Math.max(p.minimum ?? 0, m.minimum);
  }
  const known = new Set(registered.map((r) => r.post));
  const rest = [...out.values()].filter((p) => !known.has(p.post)).sort((a, b) => a.post.localeCompare(b.post));
  return [...out.values()].filter((p) => known.has(p.post)).concat(rest);
}
