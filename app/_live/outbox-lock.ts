// Why: one sender at a time across the phone's tabs, or two tabs could send the same queue out of order.

const NAME = "cordon-outbox-sender";
const LEASE_KEY = "cordon.outbox.lease";
const LEASE_MS = 20_000;
const tab = Math.random().toString(36).slice(2);

type Lease = { owner: string; until: number };

function readLease(): Lease | null {
  try {
    return JSON.parse(localStorage.getItem(LEASE_KEY) ?? "null") as Lease | null;
  } catch {
    return null;
  }
}

/** A localStorage lease for browsers without Web Locks: taken when free or expired, renewed while held. */
async function withLease<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    const held = readLease();
    if (!held || held.owner === tab || held.until < Date.now()) {
      localStorage.setItem(LEASE_KEY, JSON.stringify({ owner: tab, until: Date.now() + LEASE_MS }));
      // Two tabs writing at once: the last write wins, and the loser sees it after a beat.
      await new Promise((r) => setTimeout(r, 50));
      if (readLease()?.owner === tab) break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const renew = setInterval(
    () => localStorage.setItem(LEASE_KEY, JSON.stringify({ owner: tab, until: Date.now() + LEASE_MS })),
    LEASE_MS / 4,
  );
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    if (readLease()?.owner === tab) localStorage.removeItem(LEASE_KEY);
  }
}

/** Runs `fn` while holding the phone-wide sender lock: a Web Lock where there is one, else a localStorage lease. */
export function withSenderLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (locks) return locks.request(NAME, () => fn()) as Promise<T>;
  return withLease(fn);
}
