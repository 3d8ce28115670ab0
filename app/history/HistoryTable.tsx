// One row per event: recorded and happened times, who, and a sentence in the reader's language.
import type { FeedEvent } from "../../server/protocol/events";
import type { Lang } from "../_i18n/dict";
import { HISTORY, type Names } from "../_i18n/history";
import { tokenLabel } from "../_i18n/token-label";
import { UndoButton } from "./UndoButton";
import type { Undo } from "./undo";

/** Happened and recorded more than a minute apart: the event was dated by its sender, and the reader should see both. */
const DATED_MS = 60_000;

/** The actor as the feed records it, with a bound volunteer's name when the registry knows it, the server's own sign-ins in words. */
const who = (actor: string, names: Names, lang: Lang) =>
  actor.startsWith("volunteer:") ? names.volunteer(actor.slice("volunteer:".length)) : tokenLabel(actor, lang);

/** `undo`: the rows the secretary may still undo (by seq), and what to do once one is undone. */
export function HistoryTable({
  events,
  names,
  lang,
  undo,
}: {
  events: FeedEvent[];
  names: Names;
  lang: Lang;
  undo?: { rows: ReadonlyMap<number, Undo>; onDone: () => void };
}) {
  const h = HISTORY[lang];
  const time = (iso: string) => new Date(iso).toLocaleString(lang, { dateStyle: "medium", timeStyle: "medium", hour12: false });
  if (events.length === 0)
    return (
      <p data-history-empty className="text-slate-400">
        {h.empty}
      </p>
    );
  return (
    <section className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800" data-history={events.length}>
      <p className="mb-2 text-sm text-slate-400">{h.count(events.length)}</p>
      <table className="w-full border-collapse text-sm">
        <thead className="text-left text-slate-400">
          <tr>
            <th className="py-1 pr-3 font-normal">{h.recorded}</th>
            <th className="py-1 pr-3 font-normal">{h.occurred}</th>
            <th className="py-1 pr-3 font-normal">{h.actor}</th>
            <th className="py-1 pr-3 font-normal">{h.what}</th>
            {undo && <th className="py-1 font-normal">{h.undo.column}</th>}
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const dated = Math.abs(Date.parse(e.recordedAt) - Date.parse(e.occurredAt)) > DATED_MS;
            const sentence = h.sentence[e.type]?.(e.payload, names) ?? e.type;
            return (
              <tr key={e.seq} data-event={e.type} data-seq={e.seq} className="border-t border-slate-800 align-top">
                <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{time(e.recordedAt)}</td>
                <td className={`py-1 pr-3 whitespace-nowrap tabular-nums ${dated ? "text-amber-300" : "text-slate-400"}`}>
                  {dated ? `${h.dated} ${time(e.occurredAt)}` : time(e.occurredAt)}
                </td>
                <td className="py-1 pr-3" data-actor>
                  {who(e.actor, names, lang)}
                </td>
                <td className="py-1 pr-3" data-sentence>
                  {sentence}
                </td>
                {undo && (
                  <td className="py-1">
                    {(() => {
                      const u = undo.rows.get(e.seq);
                      return u ? <UndoButton undo={u} what={sentence} names={names} lang={lang} onDone={undo.onDone} /> : null;
                    })()}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
