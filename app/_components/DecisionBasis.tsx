// Why: an approved request shows why it was released (the rule, urgent medical, or an override and its reason), not what it once lacked.
import type { ReleaseBasis } from "../../server/domain/requests";
import { deskWords } from "../_i18n/desk";
import { fmtAge } from "./wall-format";

export type Decision = { basis: ReleaseBasis | null; overrideReason: string | null; decidedAt: string | null; note: string | null };

/** The basis of an approval, the override's reason, how long ago it was decided, and the decision's note. */
export function DecisionBasis({ decision: d, now, locale }: { decision: Decision; now: number; locale: string }) {
  const w = deskWords(locale).decision;
  const tone = d.basis === "override" ? "text-amber-300" : "text-emerald-300";
  return (
    <div data-decision={d.basis ?? "unknown"} className={`mt-1 text-sm ${tone}`}>
      <p>
        {d.basis && <span data-decision-basis>{w.approvedBecause(w.basis[d.basis])}</span>}
        {d.decidedAt && <span className="ml-2 text-slate-400">· {w.decided(fmtAge(now - Date.parse(d.decidedAt), locale))}</span>}
      </p>
      {d.overrideReason && (
        <p>
          {w.overrideReason}: <span data-override-reason>{d.overrideReason}</span>
        </p>
      )}
      {d.note && (
        <p className="text-slate-300">
          {w.note}: {d.note}
        </p>
      )}
    </div>
  );
}
