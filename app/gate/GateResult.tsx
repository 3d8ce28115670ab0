"use client";
// Why: the server's answer full-screen, green or red, large enough to read through a protective suit, in both languages.
import { GATE_BOTH } from "../_i18n/gate";
import { errorText, type Reasoned } from "../_i18n/reasons";
import { localWhen } from "../_i18n/when";

export type Answer =
  | { kind: "ok"; direction: "out" | "in"; returnBy: string | null; holder: Holder }
  | { kind: "refused"; error: Reasoned; holder?: Holder }
  | { kind: "offline" };

export interface Holder {
  building: string;
  unit: string;
  person: string | null;
  testReportAt: string | null;
}

export function GateResult({ answer, onNext }: { answer: Answer; onNext: () => void }) {
  const tone =
    answer.kind === "ok"
      ? "bg-emerald-700 text-white"
      : answer.kind === "offline"
        ? "bg-amber-400 text-slate-950"
        : "bg-red-700 text-white";
  return (
    <div
      role="alert"
      data-result={answer.kind === "ok" ? "green" : answer.kind === "offline" ? "amber" : "red"}
      data-direction={answer.kind === "ok" ? answer.direction : undefined}
      className={`fixed inset-0 z-50 flex flex-col items-center justify-center gap-4 p-6 text-center ${tone}`}
    >
      {answer.kind === "ok" && (
        <>
          <p className="text-7xl font-black">{answer.direction === "out" ? GATE_BOTH.out : GATE_BOTH.in}</p>
          <p className="text-4xl font-bold">
            {answer.holder.building} · {answer.holder.unit}
          </p>
          {answer.holder.person && <p className="text-3xl">{answer.holder.person}</p>}
          {answer.holder.testReportAt && (
            <p className="text-2xl">{GATE_BOTH.reportAge(Math.floor((Date.now() - Date.parse(answer.holder.testReportAt)) / 3_600_000))}</p>
          )}
          {answer.direction === "out" && (
            <p className="text-3xl font-semibold">
              {answer.returnBy ? (
                <>
                  <span className="block" lang="zh-CN">
                    {GATE_BOTH.returnBy["zh-CN"](localWhen(answer.returnBy, "zh-CN"))}
                  </span>
                  <span className="block" lang="en">
                    {GATE_BOTH.returnBy.en(localWhen(answer.returnBy, "en"))}
                  </span>
                </>
              ) : (
                GATE_BOTH.noLimit
              )}
            </p>
          )}
        </>
      )}
      {answer.kind === "refused" && (
        <>
          <p className="text-7xl font-black">{GATE_BOTH.refused}</p>
          {answer.holder && (
            <p data-refused-holder className="text-3xl font-bold">
              {answer.holder.building} · {answer.holder.unit}
              {answer.holder.person ? ` · ${answer.holder.person}` : ""}
            </p>
          )}
          <p className="text-3xl font-semibold" lang="zh-CN">
            {errorText(answer.error, "zh-CN")}
          </p>
          <p className="text-2xl" lang="en">
            {errorText(answer.error, "en")}
          </p>
        </>
      )}
      {answer.kind === "offline" && (
        <>
          <p className="text-5xl font-black text-balance" lang="zh-CN">
            {GATE_BOTH.offline["zh-CN"]}
          </p>
          <p className="text-4xl font-black text-balance" lang="en">
            {GATE_BOTH.offline.en}
          </p>
          <p className="text-2xl font-semibold" lang="zh-CN">
            {GATE_BOTH.offlineNote["zh-CN"]}
          </p>
          <p className="text-xl" lang="en">
            {GATE_BOTH.offlineNote.en}
          </p>
        </>
      )}
      <button type="button" onClick={onNext} className="mt-6 rounded-xl bg-white px-10 py-5 text-3xl font-bold text-slate-900">
        {GATE_BOTH.next}
      </button>
    </div>
  );
}
