"use client";
// Why: what this phone scanned, newest first: those still waiting for the network (not yet checked), and what the
// server decided for each once it was sent (out, in, or refused with its reason), so a late answer is seen.
import type { Lang } from "../_i18n/dict";
import { GATE } from "../_i18n/gate";
import { errorText } from "../_i18n/reasons";
import { localWhen } from "../_i18n/when";
import { outbox } from "../_live/outbox";
import type { OutboxEntry } from "../_live/outbox-core";
import { answerOf } from "./scan-queue";

const SHOWN = 10;

export function ScanList({ scans, lang, sending }: { scans: readonly OutboxEntry[]; lang: Lang; sending: boolean }) {
  const g = GATE[lang];
  const shown = [...scans].sort((a, b) => b.order - a.order).slice(0, SHOWN);
  if (shown.length === 0) return null;
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">{g.scans}</h2>
      <ol className="flex flex-col gap-2">
        {shown.map((e) => {
          const a = answerOf(e);
          const tone =
            a.kind === "ok"
              ? "bg-emerald-900 ring-emerald-600"
              : a.kind === "refused"
                ? "bg-red-950 ring-red-700"
                : "bg-amber-950 ring-amber-600";
          return (
            <li
              key={e.id}
              data-gate-scan={e.id}
              data-state={e.state}
              data-direction={a.kind === "ok" ? a.direction : undefined}
              className={`flex flex-col gap-1 rounded-lg p-3 ring-1 ${tone}`}
            >
              <p className="text-lg font-semibold">
                {a.kind === "ok" && `${a.direction === "out" ? g.out : g.in} · ${a.holder.building} · ${a.holder.unit}`}
                {a.kind === "refused" && (a.holder ? `${g.refused} · ${a.holder.building} · ${a.holder.unit}` : g.refused)}
                {a.kind === "offline" && (sending ? g.sending : g.pendingCheck)}
              </p>
              {a.kind === "refused" && <p className="text-base">{errorText(a.error, lang)}</p>}
              <p className="text-sm text-slate-300">{g.scannedAt(localWhen(e.madeAt, lang))}</p>
              {e.state === "refused" && (
                <button
                  type="button"
                  onClick={() => void outbox.drop(e.id)}
                  className="min-h-12 self-start rounded-lg px-4 text-base ring-1 ring-slate-500"
                >
                  {g.dismiss}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
