"use client";

import type { Reasoned } from "../_i18n/reasons";
import { newEventId } from "./outbox-send";

/** A refusal as the API sent it (code, reason, params, English message): screens show it with errorText. */
export type ApiError = NonNullable<Reasoned> & { message: string };

/**
 * Posts one event with the session cookie; resolves to the API's error (and its English message) when it is refused.
 * The id is fixed once per action (pass it to retry an action): a reply lost on the way is tried
 * again with the same id, so the server answers a 200 duplicate instead of recording it twice.
 * The volunteer's console goes through the outbox (outbox.ts) instead, which also survives reloads.
 */
export async function postEvent(
  event: { type: string; payload: object },
  id: string = newEventId(),
): Promise<{ ok: true } | { ok: false; message: string; error: ApiError }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await fetch("/api/events", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...event, id }),
      });
      if (r.ok) return { ok: true };
      const body = (await r.json().catch(() => null)) as { error?: ApiError } | null;
      const message = body?.error?.message ?? `HTTP ${r.status}`;
      return { ok: false, message, error: { ...body?.error, message } };
    } catch {
      if (attempt >= 2) {
        const message = "the server cannot be reached; try again";
        return { ok: false, message, error: { reason: "server_unreachable", message } };
      }
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}
