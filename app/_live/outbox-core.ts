// Why: the outbox's rules (what an answer means, the order of sending, when to try again) kept pure, so they are tested without a browser.

/** An event as the phone made it: the id and the time are fixed when the volunteer acts, never when it is sent. */
export interface OutboxEvent {
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export type OutboxState = "waiting" | "sent" | "refused";

/**
 * A pass read at the gate: kept like an event (its id, its moment) but sent to `POST /api/gate/scan`, where the
 * server decides out or in when it arrives. Not a feed event type: the server records `gate.out` or `gate.in`.
 */
export const GATE_SCAN = "gate.scan";

/** One action on the phone, kept in IndexedDB until it is sent (and a while after, to show what went). */
export interface OutboxEntry {
  /** The event id: the server's idempotency key, the same on every attempt. */
  id: string;
  /** Creation order on this phone: sending follows it. */
  order: number;
  madeAt: number;
  event: OutboxEvent;
  /** The form that made it, so a refused action can be re-opened there. */
  form?: string;
  /** The form's fields as they were filled in, to re-open it with them ("fix"). */
  fields?: Record<string, string>;
  /** A small thumbnail (data URL) of a photo taken with the action, to show it in the outbox. */
  photo?: string;
  /**
   * The photo itself, sent before the event (`POST /api/files`) and named in it by `fileId`. The same
   * bytes answer the same `fileId`, so a retry is a duplicate, never a second file. Once the event is
   * sent the bytes leave the phone and only the `fileId` is kept.
   */
  upload?: PhotoUpload;
  state: OutboxState;
  attempts: number;
  seq?: number;
  duplicate?: boolean;
  sentAt?: number;
  refusal?: Refusal;
  /** What the server answered besides the seq (a gate scan's direction, holder and return time). */
  answer?: Record<string, unknown>;
  /** Why the last attempt did not get an answer (network, 5xx, 429, signed out). */
  lastError?: string;
}

export interface PhotoUpload {
  /** The picture as taken (absent once sent). */
  blob?: Blob;
  /** The server's id for it, once uploaded. */
  fileId?: string;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** v1.2: the reason and its parameters, shown with errorText in the phone's language (absent in entries kept before). */
  reason?: string;
  params?: Record<string, unknown>;
  /** What the refusal was about, when the answer says (a refused gate scan's holder: building, room, name masked). */
  about?: Record<string, unknown>;
}

/** What one attempt's answer means for the action. */
export type Outcome =
  | { kind: "sent"; seq: number; duplicate: boolean; answer?: Record<string, unknown> }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "retry"; reason: string }
  /** 401: this phone's sign-in was revoked (or is unknown). Trying again cannot help: it waits for a new sign-in link. */
  | { kind: "signed_out"; reason: string; revoked: boolean };

type ErrorBody = { error?: { code?: unknown; message?: unknown; reason?: unknown; params?: unknown } } | null;
type AcceptedBody = { accepted?: { id?: unknown; seq?: unknown; duplicate?: unknown }[]; seq?: unknown; duplicate?: unknown } | null;

/**
 * Reads the API's answer to one event: 201/200 are sent (200 = the server already had it, a
 * duplicate, which is success), 400/403/409/413 and other 4xx are refusals to show, 401 means
 * signed out (kept, not retried until a new sign-in), and 408, 429 and 5xx are tried again later
 * with the same id.
 */
export function classify(status: number, body: unknown): Outcome {
  if (status === 200 || status === 201) {
    const b = body as AcceptedBody;
    const first = b?.accepted?.[0];
    if (first)
      return { kind: "sent", seq: typeof first.seq === "number" ? first.seq : 0, duplicate: first.duplicate === true || status === 200 };
    // Another route's answer (a gate scan: direction, holder, return time): kept with the action to be shown.
    const seq = typeof b?.seq === "number" ? b.seq : 0;
    const answer = b && typeof b === "object" ? (b as Record<string, unknown>) : undefined;
    return { kind: "sent", seq, duplicate: b?.duplicate === true || status === 200, ...(answer ? { answer } : {}) };
  }
  const err = (body as ErrorBody)?.error;
  const message = typeof err?.message === "string" ? err.message : `HTTP ${status}`;
  if (status === 401) return { kind: "signed_out", reason: message, revoked: err?.reason === "sign_in_revoked" };
  if (status === 408 || status === 429 || status >= 500 || status < 200) return { kind: "retry", reason: message };
  const refusal: Refusal = { status, code: typeof err?.code === "string" ? err.code : "refused", message };
  if (typeof err?.reason === "string") refusal.reason = err.reason;
  if (err?.params && typeof err.params === "object") refusal.params = err.params as Record<string, unknown>;
  const holder = (body as { holder?: unknown } | null)?.holder;
  if (holder && typeof holder === "object") refusal.about = holder as Record<string, unknown>;
  return { kind: "refused", refusal };
}

/** Reads the API's answer to a file upload: its `fileId`, or what the failure means, as for an event. */
export function classifyUpload(status: number, body: unknown): { kind: "uploaded"; fileId: string } | Exclude<Outcome, { kind: "sent" }> {
  const fileId = (body as { fileId?: unknown } | null)?.fileId;
  if ((status === 200 || status === 201) && typeof fileId === "string") return { kind: "uploaded", fileId };
  if (status === 200 || status === 201) return { kind: "retry", reason: "no file id in the answer" };
  const o = classify(status, body);
  return o.kind === "sent" ? { kind: "retry", reason: `HTTP ${status}` } : o;
}

/** The event as posted: with the uploaded photo's `fileId` in its payload when it has one. */
export function eventBody(e: OutboxEntry): Record<string, unknown> {
  const fileId = e.upload?.fileId;
  return { id: e.id, ...e.event, ...(fileId ? { payload: { ...e.event.payload, fileId } } : {}) };
}

/** The entry after an attempt's outcome. */
export function applyOutcome(e: OutboxEntry, o: Outcome, now: number): OutboxEntry {
  const attempts = e.attempts + 1;
  if (o.kind === "sent") {
    // Sent: the photo's bytes are on the server now; the phone keeps its id only.
    const upload = e.upload ? { fileId: e.upload.fileId } : undefined;
    return {
      ...e,
      attempts,
      state: "sent",
      seq: o.seq,
      duplicate: o.duplicate,
      answer: o.answer,
      sentAt: now,
      lastError: undefined,
      upload,
    };
  }
  if (o.kind === "refused") return { ...e, attempts, state: "refused", refusal: o.refusal, lastError: undefined };
  return { ...e, attempts, lastError: o.reason };
}

/** An outcome that ends the round: the rest keep their order and wait. */
const stops = (o: Outcome): boolean => o.kind === "retry" || o.kind === "signed_out";

/**
 * What follows a round that stopped: another try after the backoff, or, signed out, none at all until
 * the page is opened again (a new sign-in link) or the volunteer asks: each 401 would be one more
 * failed sign-in from the phone's network, and the answer cannot change by itself.
 */
export function afterStop(
  stopped: Outcome | null,
  failures: number,
  random: () => number = Math.random,
): { retryInMs: number | null; signedOut: boolean } {
  if (stopped?.kind === "signed_out") return { retryInMs: null, signedOut: true };
  if (stopped?.kind === "retry") return { retryInMs: backoff(failures, random), signedOut: false };
  return { retryInMs: null, signedOut: false };
}

/** The actions still to send, in the order they were made. */
export const waiting = (entries: readonly OutboxEntry[]): OutboxEntry[] =>
  entries.filter((e) => e.state === "waiting").sort((a, b) => a.order - b.order);

/**
 * Sends the waiting actions one at a time in the order made. A refusal does not hold back the
 * actions after it; an attempt without an answer stops the round (the rest keep their order).
 */
export async function drain(
  entries: readonly OutboxEntry[],
  send: (e: OutboxEntry) => Promise<Outcome>,
  save: (e: OutboxEntry) => Promise<void>,
  now: () => number = Date.now,
): Promise<{ sent: number; refused: number; stopped: Outcome | null }> {
  let sent = 0;
  let refused = 0;
  for (const e of waiting(entries)) {
    const outcome = await send(e);
    await save(applyOutcome(e, outcome, now()));
    if (stops(outcome)) return { sent, refused, stopped: outcome };
    if (outcome.kind === "sent") sent++;
    else refused++;
  }
  return { sent, refused, stopped: null };
}

/** Waiting before the next try after `failures` rounds without an answer: 1 s doubling to 30 s, with up to 20 % jitter. */
export function backoff(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/** Sent actions are kept to be seen for a day, at most `keep` of them; waiting and refused ones until the volunteer acts. */
export function expired(entries: readonly OutboxEntry[], now: number, keep = 30, dayMs = 24 * 60 * 60 * 1000): string[] {
  const sent = entries.filter((e) => e.state === "sent").sort((a, b) => b.order - a.order);
  return sent.filter((e, i) => i >= keep || now - (e.sentAt ?? e.madeAt) > dayMs).map((e) => e.id);
}

/** The next creation order: after every entry on the phone, and after the clock (so it also rises across reloads). */
export const nextOrder = (entries: readonly OutboxEntry[], now: number): number => Math.max(now, ...entries.map((e) => e.order + 1));
