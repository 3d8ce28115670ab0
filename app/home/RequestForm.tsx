"use client";
// A household asks for itself: what for, urgent or not, who and why, and photos of the letter and report from the phone's camera.
import { useState } from "react";
import type { Lang } from "../_i18n/dict";
import { HOME, HOME_KINDS, type HomeKind } from "../_i18n/home";
import { errorText } from "../_i18n/reasons";
import { postEvent } from "../_live/post-event";
import { newRequestNumber } from "../console/request-number";
import { uploadPhoto } from "./upload";

/** Now, rounded down to 5 minutes, as a datetime-local value in the phone's time. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - (d.getMinutes() % 5), 0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const field = "rounded-lg bg-slate-800 px-3 py-3 text-base";

export function RequestForm({ householdId, lang, onSent }: { householdId: string; lang: Lang; onSent: () => void }) {
  const h = HOME[lang];
  const [kind, setKind] = useState<HomeKind>("leave");
  const [urgent, setUrgent] = useState(false);
  const [person, setPerson] = useState("");
  const [note, setNote] = useState("");
  const [letter, setLetter] = useState<File | null>(null);
  const [report, setReport] = useState<File | null>(null);
  const [reportAt, setReportAt] = useState(nowLocal);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const send = async () => {
    setBusy(true);
    setMessage(null);
    const requestId = newRequestNumber();
    const fail = (e: Parameters<typeof errorText>[0]) => setMessage({ ok: false, text: h.failed(errorText(e, lang)) });
    try {
      const opened = await postEvent({
        type: "request.opened",
        payload: {
          requestId,
          householdId,
          kind,
          urgent,
          ...(person.trim() ? { person: person.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      if (!opened.ok) return fail(opened.error);
      const photos: [File | null, object][] = [
        [letter, { document: "commitment_letter" }],
        [report, { document: "test_report", testedAt: new Date(reportAt).toISOString() }],
      ];
      for (const [photo, doc] of photos) {
        if (!photo) continue;
        const up = await uploadPhoto(photo);
        if ("error" in up) return fail(up.error);
        const added = await postEvent({ type: "request.document_added", payload: { requestId, ...doc, fileId: up.fileId } });
        if (!added.ok) return fail(added.error);
      }
      setMessage({ ok: true, text: h.sent });
      setPerson("");
      setNote("");
      setLetter(null);
      setReport(null);
      onSent();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      data-home-form
      className="flex flex-col gap-4 rounded-xl bg-slate-900 p-4 ring-1 ring-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 className="text-xl font-semibold">{h.ask}</h2>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="sr-only">{h.ask}</legend>
        {HOME_KINDS.map((k) => (
          <label
            key={k}
            className={`flex min-h-12 items-center justify-center rounded-lg px-2 text-center text-base ring-1 ${kind === k ? "bg-sky-400 font-semibold text-slate-950 ring-sky-300" : "bg-slate-800 ring-slate-700"}`}
          >
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="sr-only" />
            {h.kinds[k]}
          </label>
        ))}
      </fieldset>
      <label className="flex min-h-12 items-center gap-3 text-base">
        <input type="checkbox" name="urgent" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} className="size-6" />
        {h.urgent}
      </label>
      <label className="flex flex-col gap-1">
        {h.person}
        <input
          name="person"
          value={person}
          maxLength={100}
          placeholder={h.personHint}
          onChange={(e) => setPerson(e.target.value)}
          className={field}
        />
      </label>
      <label className="flex flex-col gap-1">
        {h.note}
        <textarea
          name="note"
          value={note}
          maxLength={2000}
          rows={2}
          placeholder={h.noteHint}
          onChange={(e) => setNote(e.target.value)}
          className={field}
        />
      </label>
      <p className="text-sm text-slate-300">{h.photoHint}</p>
      <label className="flex flex-col gap-1">
        {h.letter}
        <input
          name="letter"
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => setLetter(e.target.files?.[0] ?? null)}
          className={field}
        />
      </label>
      <label className="flex flex-col gap-1">
        {h.report}
        <input
          name="report"
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => setReport(e.target.files?.[0] ?? null)}
          className={field}
        />
      </label>
      {report && (
        <label className="flex flex-col gap-1">
          {h.reportTime}
          <input name="reportAt" type="datetime-local" value={reportAt} onChange={(e) => setReportAt(e.target.value)} className={field} />
        </label>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-300" : "text-red-300"}>
          {message.text}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="min-h-12 rounded-lg bg-sky-400 text-lg font-semibold text-slate-950 disabled:opacity-50"
      >
        {busy ? h.sending : h.send}
      </button>
    </form>
  );
}
