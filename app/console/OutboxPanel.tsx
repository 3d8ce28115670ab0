"use client";
// Why: the phone shows what it still has to send and what the server refused (with its reason), so nothing is lost silently.
import { useSyncExternalStore } from "react";
import { DICTS, type Lang } from "../_i18n/dict";
import { OUTBOX } from "../_i18n/outbox";
import { errorText } from "../_i18n/reasons";
import { outbox } from "../_live/outbox";
import type { OutboxEntry } from "../_live/outbox-core";
import { useLive } from "../_live/use-live";
import { useNow } from "../_live/use-now";
import { fillForm } from "./fill-form";
import { makeAction } from "./make-action";
import { summarize } from "./outbox-summary";
import { showTask, taskOfForm } from "./tasks";
import { undoState } from "./undo-sent";
import { useRegistry } from "./use-registry";

/**
 * The outbox on the console: waiting and refused actions first (fix, drop), the day's sent ones folded
 * below. The sender runs whichever task is shown (useOutboxSender); its notices stand above the tasks (OutboxNotice).
 */
export function OutboxPanel({ lang }: { lang: Lang }) {
  const box = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
  const live = useLive();
  const counts = live.snapshot?.counts;
  const registry = useRegistry(counts && `${counts.householdsTotal}/${counts.buildingsTotal}`);
  const online = live.connection === "live";
  const now = useNow(1000);
  const o = OUTBOX[lang];
  const t = DICTS[lang];
  const words: Record<string, string> = {
    ...t.wall.posts,
    ...t.wall.requestKind,
    commitment_letter: t.console.document.letter,
    test_report: t.console.document.report,
    negative: t.console.result.negative,
    positive: t.console.result.positive,
    urgent: t.console.open.urgent,
  };
  const open = box.entries.filter((e) => e.state !== "sent");
  const sent = box.entries.filter((e) => e.state === "sent").reverse();
  const waitingN = open.filter((e) => e.state === "waiting").length;
  const refusedN = open.length - waitingN;
  const time = (ms: number) => new Intl.DateTimeFormat(lang, { timeStyle: "short" }).format(ms);
  const undoButton = (e: OutboxEntry) => {
    const u = undoState(e, box.entries, now);
    if (u === "undone")
      return (
        <span data-undone={e.id} className="text-sm text-slate-300">
          {o.undone}
        </span>
      );
    if (!u) return null;
    const what = `${o.kinds[e.event.type] ?? e.event.type} ${summarize(e, registry, words)}`;
    return (
      <button
        type="button"
        data-undo-sent={e.id}
        title={o.undoTitle(what)}
        aria-label={o.undoTitle(what)}
        onClick={() => void makeAction(u.undo, { form: "undo" })}
        className="min-h-11 self-start rounded px-4 ring-1 ring-amber-400/70"
      >
        {o.undo}
      </button>
    );
  };
  const row = (e: OutboxEntry) => (
    <li
      key={e.id}
      data-outbox-entry={e.id}
      data-state={e.state}
      data-type={e.event.type}
      className={`flex gap-3 rounded p-2 ring-1 ${e.state === "refused" ? "bg-red-950/40 ring-red-800" : "bg-slate-800 ring-slate-700"}`}
    >
      {/* A data URL kept on the phone: nothing for next/image to optimise. */}
      {/* biome-ignore lint/performance/noImgElement: a thumbnail from IndexedDB, never fetched */}
      {e.photo && <img src={e.photo} alt={o.photoKept} className="size-14 shrink-0 rounded object-cover" />}
      <div className="flex min-w-0 grow flex-col gap-1">
        <p className="font-semibold text-white">
          {o.kinds[e.event.type] ?? e.event.type} <span className="font-normal text-slate-300">{summarize(e, registry, words)}</span>
        </p>
        {e.upload && (
          <p
            data-photo={e.state === "sent" ? "sent" : e.upload.fileId ? "uploaded" : "waiting"}
            className={`text-sm ${e.state === "sent" ? "text-emerald-300" : "text-amber-300"}`}
          >
            {e.state === "sent" ? o.photoSent : e.upload.fileId ? o.photoUploaded : o.photoWaiting}
          </p>
        )}
        <p className="text-xs text-slate-400">
          {o.states[e.state]} · {o.made(time(e.madeAt))}
          {e.state === "waiting" && e.attempts > 0 ? ` · ${o.attempts(e.attempts)}` : ""}
          {e.state === "sent" && e.seq ? ` · #${e.seq}` : ""}
        </p>
        {e.refusal && (
          <p data-refusal className="text-sm text-red-300">
            {errorText(e.refusal, lang)}
          </p>
        )}
        {e.state === "sent" && undoButton(e)}
        {e.state !== "sent" && (
          <div className="flex gap-2">
            {e.state === "refused" && e.form && e.fields && (
              <button
                type="button"
                data-fix={e.id}
                onClick={() => {
                  if (!e.form || !e.fields) return;
                  const task = taskOfForm(e.form);
                  if (task) showTask(task);
                  if (fillForm(e.form, e.fields)) void outbox.drop(e.id);
                }}
                className="min-h-11 rounded bg-sky-700 px-4"
              >
                {o.fix}
              </button>
            )}
            <button
              type="button"
              data-drop={e.id}
              onClick={() => (e.state === "refused" || window.confirm(o.confirmDrop)) && void outbox.drop(e.id)}
              className="min-h-11 rounded px-4 ring-1 ring-slate-600"
            >
              {o.drop}
            </button>
          </div>
        )}
      </div>
    </li>
  );
  return (
    <section
      data-outbox={waitingN}
      data-refused={refusedN}
      className="flex flex-col gap-2 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-lg font-semibold">{o.title}</h2>
        {waitingN > 0 && <span className="text-amber-300">{o.waiting(waitingN)}</span>}
        {refusedN > 0 && <span className="text-red-300">{o.refused(refusedN)}</span>}
        {waitingN > 0 && (
          <button
            type="button"
            onClick={() => void outbox.kick({ manual: true })}
            className="ml-auto min-h-11 rounded px-3 text-sm ring-1 ring-slate-600"
          >
            {box.sending ? o.sending : o.sendNow}
          </button>
        )}
      </div>
      {online && waitingN > 0 && box.nextTryAt && !box.sending && (
        <p className="text-xs text-slate-400">{o.nextTry(Math.max(0, Math.ceil((box.nextTryAt - now) / 1000)))}</p>
      )}
      {open.length === 0 && <p className="text-sm text-slate-400">{o.empty}</p>}
      {open.length > 0 && <ol className="flex flex-col gap-2">{open.map(row)}</ol>}
      {sent.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-slate-400">{o.sentRecently(sent.length)}</summary>
          <p className="mt-2 text-xs text-slate-400">{o.undoHint}</p>
          <ol className="mt-2 flex flex-col gap-2">{sent.map(row)}</ol>
        </details>
      )}
    </section>
  );
}
