"use client";
// Why: adding a document follows opening its request: the number is already there, the time is picked, a photo waits on the phone until it can be sent.
import { useEffect, useRef, useState } from "react";
import type { Lang } from "../_i18n/dict";
import { DICTS } from "../_i18n/dict";
import { OUTBOX } from "../_i18n/outbox";
import { Field } from "./EventForm";
import { FILL_EVENT } from "./fill-form";
import { useLastRequest } from "./request-number";

const input = "rounded bg-slate-800 px-3 py-2 text-lg";

/** `<input type="datetime-local">` text for an instant in the phone's time zone, rounded down to 5 minutes. */
export function localPickerValue(at: number): string {
  const d = new Date(at - (at % (5 * 60_000)));
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The document form's fields: which request (the one just opened here, or another), which document, when tested, a photo. */
export function DocumentFields({ lang }: { lang: Lang }) {
  const c = DICTS[lang].console;
  const o = OUTBOX[lang];
  const last = useLastRequest();
  const [other, setOther] = useState(false);
  const [kind, setKind] = useState("commitment_letter");
  const [now, setNow] = useState(() => Date.now());
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    const reset = () => {
      setKind("commitment_letter");
      setOther(false);
      setNow(Date.now());
    };
    // "Fix": the refused document's request (typed in, so it stays as it was) and kind.
    const fill = (e: Event) => {
      const f = (e as CustomEvent<Record<string, string>>).detail;
      setOther(true);
      setKind(f.document ?? "commitment_letter");
    };
    form?.addEventListener("reset", reset);
    form?.addEventListener(FILL_EVENT, fill);
    return () => {
      form?.removeEventListener("reset", reset);
      form?.removeEventListener(FILL_EVENT, fill);
    };
  }, []);
  const fixed = last !== null && !other;
  return (
    <div ref={anchor} className="flex flex-col gap-2">
      {fixed ? (
        <p className="flex items-center gap-3 text-sm text-slate-300">
          {o.thisRequest}
          <span data-document-request={last} className="font-mono text-xl font-bold text-white">
            {last}
          </span>
          <input type="hidden" name="requestId" value={last} />
          <button type="button" onClick={() => setOther(true)} className="ml-auto min-h-11 rounded px-3 ring-1 ring-slate-600">
            {o.otherRequest}
          </button>
        </p>
      ) : (
        <Field label={c.request} name="requestId" required autoComplete="off" placeholder="R-…" autoCapitalize="characters" />
      )}
      <label className="flex flex-col gap-1 text-sm text-slate-300">
        {c.document.kind}
        <select
          name="document"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setNow(Date.now());
          }}
          className={input}
        >
          <option value="commitment_letter">{c.document.letter}</option>
          <option value="test_report">{c.document.report}</option>
        </select>
      </label>
      {kind === "test_report" && (
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          {c.document.testedAt}
          <input
            type="datetime-local"
            name="testedAt"
            required
            defaultValue={localPickerValue(now)}
            max={localPickerValue(now + 5 * 60_000)}
            className={input}
          />
          <span className="text-xs text-slate-400">{o.testedAtHint}</span>
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm text-slate-300">
        {o.photo}
        <input type="file" name="photo" accept="image/*" capture="environment" className="text-sm" />
        <span className="text-xs text-slate-400">{o.photoHint}</span>
      </label>
    </div>
  );
}
