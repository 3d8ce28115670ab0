// Why: a phone reloaded in a dead stairwell keeps its door-knocking list: the last one read is kept on it (TRUST8).
import type { UntestedList } from "../../server/protocol/untested";

const KEY = "cordon.kept.untested";

/** Keeps the list last read from `url`: buildings, units and ids only, no one's name. */
export function keepUntested(url: string, list: UntestedList): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ url, list }));
  } catch {
    // Storage full or private mode: the list then needs a connection after a reload.
  }
}

/** The list kept for `url`, if this phone read that one last. */
export function keptUntested(url: string): UntestedList | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? "null") as { url: string; list: UntestedList } | null;
    return kept?.url === url ? kept.list : null;
  } catch {
    return null;
  }
}
