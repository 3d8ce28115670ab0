import type { WallView } from "../../server/protocol/wall";
import type { DICTS } from "../_i18n/dict";
import { fmtAge } from "./wall-format";

type WallDict = (typeof DICTS)["en"]["wall"];

/** Requests waiting for a decision, anonymised: building, kind, urgency and how long they have waited; then how many are approved and not yet fulfilled. Nothing else. */
export function RequestQueue({
  queue,
  labels,
  now,
  locale,
  t,
  rows,
}: {
  queue: WallView["queue"];
  labels: ReadonlyMap<string, string>;
  now: number;
  locale: string;
  t: WallDict;
  rows: number;
}) {
  const seen = new Map<string, number>();
  const shown = queue.items.slice(0, rows).map((q) => {
    const base = `${q.openedAt}|${q.buildingId}|${q.kind}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...q, key: `${base}|${n}` };
  });
  const more = queue.total - shown.length;
  return (
    <section className="flex min-h-0 flex-col rounded-2xl bg-slate-900/60 p-4 ring-1 ring-slate-800">
      <h2 className="mb-2 text-xl font-medium text-slate-300">{t.queue}</h2>
      {shown.length === 0 ? (
        <p className="text-lg text-slate-400">{t.queueEmpty}</p>
      ) : (
        <table data-queue className="w-full table-fixed text-lg">
          <thead className="text-left text-lg text-slate-300">
            <tr>
              <th className="w-[34%] font-normal">{t.building}</th>
              <th className="font-normal">{t.kind}</th>
              <th className="w-[34%] text-right font-normal">{t.age}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((q) => (
              <tr key={q.key} data-queue-item data-urgent={q.urgent} className="border-t border-slate-800">
                <td className="truncate py-0.5">{labels.get(q.buildingId) ?? q.buildingId}</td>
                <td className="truncate py-0.5">
                  {q.urgent && <span className="mr-2 rounded bg-red-500/20 px-1.5 font-semibold text-red-200">{t.urgent}</span>}
                  {t.requestKind[q.kind]}
                </td>
                <td className="py-0.5 text-right tabular-nums text-slate-300">{fmtAge(now - Date.parse(q.openedAt), locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && <p className="mt-1 text-lg text-slate-300">{t.more(more)}</p>}
      {queue.approved > 0 && (
        <p data-queue-approved={queue.approved} className="mt-1 text-lg text-slate-300">
          {t.queueApproved(queue.approved)}
        </p>
      )}
    </section>
  );
}
