// Why: the phone's actions as a store outside React: kept in IndexedDB, sent in order by one sender, read through useSyncExternalStore.
import { afterStop, drain, expired, nextOrder, type OutboxEntry, type PhotoUpload, waiting } from "./outbox-core";
import * as store from "./outbox-db";
import { withSenderLock } from "./outbox-lock";
import { newEventId, sendEntry } from "./outbox-send";

export interface OutboxSnapshot {
  entries: readonly OutboxEntry[];
  /** Read from IndexedDB at least once. */
  ready: boolean;
  sending: boolean;
  /** The last attempt got a 401: the actions stay on the phone and wait for a new sign-in link; nothing retries by itself. */
  signedOut: boolean;
  nextTryAt: number | null;
}

export interface MadeAction {
  type: string;
  payload: Record<string, unknown>;
}

const TICK_MS = 30_000;

class Outbox {
  private snap: OutboxSnapshot = { entries: [], ready: false, sending: false, signedOut: false, nextTryAt: null };
  private listeners = new Set<() => void>();
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private pending: Promise<void> | null = null;
  private tail: Promise<void> = Promise.resolve();
  private channel: BroadcastChannel | null = null;
  private stopStart: (() => void) | null = null;

  getSnapshot = (): OutboxSnapshot => this.snap;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<OutboxSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** Starts retrying on page load, `online`, the screen coming back and a timer; idempotent, returns the stop. */
  start(): () => void {
    if (this.stopStart) return this.stopStart;
    const kick = () => void this.kick();
    const onVisible = () => document.visibilityState === "visible" && kick();
    window.addEventListener("online", kick);
    document.addEventListener("visibilitychange", onVisible);
    this.channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("cordon-outbox");
    if (this.channel) this.channel.onmessage = () => void this.refresh();
    const tick = setInterval(() => waiting(this.snap.entries).length > 0 && kick(), TICK_MS);
    void this.refresh().then(kick);
    this.stopStart = () => {
      window.removeEventListener("online", kick);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(tick);
      clearTimeout(this.retry);
      this.channel?.close();
      this.channel = null;
      this.stopStart = null;
    };
    return this.stopStart;
  }

  /** Reads the kept actions again (another tab changed them, or a round ended) and forgets old sent ones. */
  async refresh(): Promise<void> {
    const all = await store.readAll();
    const old = new Set(expired(all, Date.now()));
    if (old.size > 0) await store.remove([...old]);
    this.set({ entries: all.filter((e) => !old.has(e.id)), ready: true });
  }

  /**
   * Keeps a new action on the phone with its id and time fixed now; resolves once it is in IndexedDB.
   * `id` reuses an action's id (a re-tap of the same action): an action already kept is not added twice.
   * `at`: when the action was made, if before now (a scan kept by an older page).
   */
  async add(
    action: MadeAction,
    opts: { id?: string; form?: string; fields?: Record<string, string>; photo?: string; upload?: PhotoUpload; at?: number } = {},
  ): Promise<OutboxEntry> {
    const now = opts.at ?? Date.now();
    const entry: OutboxEntry = {
      id: opts.id ?? newEventId(),
      order: nextOrder(this.snap.entries, Date.now()),
      madeAt: now,
      event: { type: action.type, occurredAt: new Date(now).toISOString(), payload: action.payload },
      form: opts.form,
      fields: opts.fields,
      photo: opts.photo,
      upload: opts.upload,
      state: "waiting",
      attempts: 0,
    };
    let kept = await store.addOnce(entry);
    // A refused action tapped again is tried again, with the same id.
    if (kept.state === "refused") {
      kept = { ...kept, state: "waiting", refusal: undefined };
      await store.write(kept);
    }
    await this.changed();
    return kept;
  }

  /** Deletes an action from the phone: it will not be sent. */
  async drop(id: string): Promise<void> {
    await store.remove([id]);
    await this.changed();
  }

  /**
   * Sends what waits, once this tab holds the phone-wide sender lock; concurrent calls share one round.
   * Signed out, only the volunteer's own "Send now" (`manual`) tries: the timer, `online` and reconnects do not.
   */
  kick(opts: { manual?: boolean } = {}): Promise<void> {
    if (this.snap.signedOut && !opts.manual) return Promise.resolve();
    if (this.pending) return this.pending;
    const run = this.tail.then(() =>
      withSenderLock(async () => {
        this.pending = null;
        await this.round();
      }),
    );
    this.pending = run;
    this.tail = run.catch(() => {});
    return run;
  }

  /** Tries to send `id` now and waits at most `ms` for its answer; resolves to the entry as it then stands. */
  async settle(id: string, ms: number): Promise<OutboxEntry | undefined> {
    // A new action is the volunteer's own doing: it is tried even when signed out (once, like "Send now").
    await Promise.race([this.kick({ manual: true }), new Promise((r) => setTimeout(r, ms))]);
    return (await store.readOne(id)) ?? this.snap.entries.find((e) => e.id === id);
  }

  private async round(): Promise<void> {
    clearTimeout(this.retry);
    this.set({ sending: true, nextTryAt: null });
    try {
      // Read again after each pass: actions added meanwhile (here or in another tab) go in the same round.
      for (let pass = 0; pass < 10; pass++) {
        const all = await store.readAll();
        if (waiting(all).length === 0) break;
        const r = await drain(
          all,
          (e) => sendEntry(e, (fileId) => this.keepFileId(e.id, fileId)),
          (e) => this.save(e),
        );
        if (r.stopped) {
          this.failures++;
          const next = afterStop(r.stopped, this.failures);
          if (next.retryInMs !== null) this.retry = setTimeout(() => void this.kick(), next.retryInMs);
          this.set({ signedOut: next.signedOut, nextTryAt: next.retryInMs === null ? null : Date.now() + next.retryInMs });
          return;
        }
        this.failures = 0;
        this.set({ signedOut: false });
      }
    } finally {
      this.set({ sending: false });
      await this.changed();
    }
  }

  /** Writes an attempt's result unless the volunteer dropped the action meanwhile; a photo's `fileId` kept during the attempt stays. */
  private async save(e: OutboxEntry): Promise<void> {
    const kept = await store.readOne(e.id);
    if (!kept) return;
    const fileId = e.upload?.fileId ?? kept.upload?.fileId;
    await store.write(e.upload && fileId ? { ...e, upload: { ...e.upload, fileId } } : e);
    await this.changed();
  }

  /** Keeps an uploaded photo's `fileId` before its event is posted: a retry after a reload does not upload it again. */
  private async keepFileId(id: string, fileId: string): Promise<void> {
    const kept = await store.readOne(id);
    if (!kept?.upload) return;
    await store.write({ ...kept, upload: { ...kept.upload, fileId } });
    await this.changed();
  }

  private async changed(): Promise<void> {
    this.channel?.postMessage("changed");
    await this.refresh();
  }
}

/** The phone's one outbox. */
export const outbox = new Outbox();
