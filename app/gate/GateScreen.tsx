"use client";
// Why: the gate volunteer's phone: type a pass's number or show its QR code to the camera; the server decides out or in.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { GATE } from "../_i18n/gate";
import { useLang } from "../_i18n/use-lang";
import { outbox } from "../_live/outbox";
import { type Answer, GateResult } from "./GateResult";
import { ScanList } from "./ScanList";
import { adoptOldScans, answerOf, isScan, scan } from "./scan-queue";
import { useQrCamera } from "./use-qr-camera";

export function GateScreen() {
  const { lang, t, toggle } = useLang();
  const g = GATE[lang];
  const [code, setCode] = useState("");
  const [camera, setCamera] = useState(false);
  const [shown, setShown] = useState<{ id: string; answer: Answer } | null>(null);
  const busy = useRef(false);
  const video = useRef<HTMLVideoElement>(null);
  const box = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
  const scans = box.entries.filter(isScan);
  const waiting = scans.filter((e) => e.state === "waiting").length;
  // A scan kept offline and sent while its amber screen is still up: the screen turns to the server's answer.
  const late = shown?.answer.kind === "offline" ? scans.find((e) => e.id === shown.id && e.state !== "waiting") : undefined;
  const answer = late ? answerOf(late) : (shown?.answer ?? null);

  // The phone's outbox sends what waits: on load, when the network returns, when the screen comes back, on a timer.
  useEffect(() => {
    const stop = outbox.start();
    void adoptOldScans()
      .then(() => outbox.kick())
      .catch(() => {});
    return stop;
  }, []);

  const submit = useCallback(async (text: string) => {
    const c = text.trim();
    if (!c || busy.current) return;
    busy.current = true;
    setCode("");
    const r = await scan(c);
    setShown({ id: r.entry?.id ?? "", answer: r.answer });
  }, []);
  const onCode = useCallback((text: string) => void submit(text), [submit]);
  const { error } = useQrCamera(video, camera && answer === null, onCode);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-4 p-4">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{g.title}</h1>
        <button type="button" onClick={toggle} className="min-h-12 rounded px-3 text-base ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
      {waiting > 0 && (
        <p data-gate-waiting={waiting} role="status" className="rounded-lg bg-amber-300 p-3 text-lg font-semibold text-slate-950">
          {g.waiting(waiting)}
        </p>
      )}
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(code);
        }}
      >
        <label className="flex flex-col gap-1 text-lg">
          {g.codeLabel}
          <input
            name="code"
            inputMode="numeric"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="rounded-lg bg-slate-900 px-4 py-4 text-3xl tracking-widest ring-1 ring-slate-600"
          />
        </label>
        <button type="submit" className="rounded-lg bg-sky-600 py-4 text-2xl font-semibold text-white">
          {g.check}
        </button>
      </form>
      <button type="button" data-camera onClick={() => setCamera((c) => !c)} className="rounded-lg py-4 text-xl ring-1 ring-slate-600">
        {camera ? g.stopCamera : g.camera}
      </button>
      {camera && (
        <>
          <p className="text-slate-300">{error ? g.cameraDenied : g.cameraHint}</p>
          <video ref={video} muted playsInline className="w-full rounded-lg bg-black" />
        </>
      )}
      <ScanList scans={scans} lang={lang} sending={box.sending} />
      {answer && (
        <GateResult
          answer={answer}
          onNext={() => {
            busy.current = false;
            setShown(null);
          }}
        />
      )}
    </main>
  );
}
