// Why: every token belongs to one compound (contract v1.2); one place says which compounds a token reaches.
import { fail } from "../errors";
import type { Principal } from "./tokens";

/** Whether the token may act on (or read) this compound: its own; the operator every one; a street token those it names. */
export function mayReach(p: Principal, community: string): boolean {
  if (p.operator) return true;
  if (p.role === "street") return p.communities?.includes(community) ?? false;
  return p.community === community;
}

/** The compound a token means when it names none: its own, a street token's first. */
export const homeCommunity = (p: Principal): string => (p.role === "street" ? (p.communities?.[0] ?? p.community) : p.community);

/** The compound a request means: the one it names, else the token's own (a street token's first). 403 when out of reach. */
export function scopedCommunity(p: Principal, asked: string | null | undefined): string {
  const community = asked ?? homeCommunity(p);
  if (!mayReach(p, community)) throw fail("forbidden", "community_forbidden", { community });
  return community;
}
