// Why: one leaked or hostile token must not hold thousands of sockets (memory, broadcasts) on a node.

/** Sockets each token holds on this node, with a ceiling. */
export class SocketQuota {
  private readonly held = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** Takes a place for one socket of `tokenId`: the release (safe to call twice), or null when the token holds `limit` already. */
  take(tokenId: string): (() => void) | null {
    const n = this.held.get(tokenId) ?? 0;
    if (n >= this.limit) return null;
    this.held.set(tokenId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(tokenId) ?? 1) - 1;
      if (left > 0) this.held.set(tokenId, left);
      else this.held.delete(tokenId);
    };
  }

  /** Sockets `tokenId` holds now. */
  count(tokenId: string): number {
    return this.held.get(tokenId) ?? 0;
  }
}
