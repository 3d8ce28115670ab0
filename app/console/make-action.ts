// Why: what a tap on the phone does: the action is kept first (with its id), then sent; the form hears how it went.

import type { Lang } from "../_i18n/dict";
import { errorText } from "../_i18n/reasons";
import { type MadeAction, outbox } from "../_live/outbox";
import type { OutboxEntry, Refusal } from "../_live/outbox-core";

/** How long a form waits for the server before saying the action is kept on the phone. */
const ANSWER_MS = 4000;

export type Made =
  | { state: "sent"; entry: OutboxEntry }
  | { state: "queued"; entry: OutboxEntry }
  | { state: "refused"; entry: OutboxEntry; refusal: Refusal };

/** The identity of an action's content: a re-tap with the same content, before it was confirmed, is the same action. */
export const actionKey = (a: MadeAction): string => JSON.stringify([a.type, a.payload]);

/**
 * Keeps the action in the outbox and tries to send it at once. A refusal answered right away is
 * shown by the form (which still holds the values) and leaves the outbox; a later one stays there.
 */
export async function makeAction(
  action: MadeAction,
  opts: { form: string; reuse?: string; fields?: Record<string, string>; photo?: string; upload?: Blob },
): Promise<Made> {
  const kept = await outbox.add(action, {
    id: opts.reuse,
    form: opts.form,
    fields: opts.fields,
    photo: opts.photo,
    upload: opts.upload ? { blob: opts.upload } : undefined,
  });
  if (kept.state === "sent") return { state: "sent", entry: kept };
  const entry = (await outbox.settle(kept.id, ANSWER_MS)) ?? kept;
  if (entry.state === "sent") return { state: "sent", entry };
  if (entry.state === "refused" && entry.refusal) {
    await outbox.drop(entry.id);
    return { state: "refused", entry, refusal: entry.refusal };
  }
  return { state: "queued", entry };
}

/** A form's text fields as filled in (files left out), to re-open the form with them. */
export function formFields(data: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of data.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** A door tap through the outbox: kept (and so "done" on the phone) unless the server refused it at once. */
const tap =
  (lang: Lang) =>
  async (action: MadeAction): Promise<{ ok: true } | { ok: false; message: string }> => {
    const r = await makeAction(action, { form: "doors" });
    return r.state === "refused" ? { ok: false, message: errorText(r.refusal, lang) } : { ok: true };
  };

/** One stable sender per language (a hook dependency). */
export const sendByLang: Record<Lang, ReturnType<typeof tap>> = { en: tap("en"), "zh-CN": tap("zh-CN") };
