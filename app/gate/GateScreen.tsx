"use client";
// Why: the gate volunteer's phone: type a pass's number or show its QR code to the camera; the server decides out or in.
import { useCallback, useEffect, useRef, useState } from "react";
import { GATE } from "../_i18n/gate";
import { useLang } from "../_i18n/use-lang";
import { newEventId } from "../_live/outbox-send";
import { type Answer, GateResult } from "./GateResult";
import { flushScans, queueScan } from "./scan-queue";
import { useQrCamera } from "./use-qr-camera";

export function GateScreen() {
  const { lang, t, toggle } = useLang();
  const g = GATE[lang];
  const [code, setCode] = useState("");
  const [camera, setCamera] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const busy = useRef(false);
  const video = useRef<HTMLVideoElement>(null);

  const submit = useCallback(async (text: string) => {
    const c = text.trim();
    if (!c || busy.current) return;
    busy.current = true;
    const scan = { id: newEventId(), code: c, scannedAt: new Date().toISOString() };
    try {
      const r = await fetch("/api/gate/scan", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: scan.id, code: c }),
      });
      const body = (await r.json().catch(() => null)) as any;
      if (r.ok) setAnswer({ kind: "ok", direction: body.direction, returnBy: body.returnBy, holder: body.holder });
      else setAnswer({ kind: "refused", error: body?.error ?? { message: `HTTP ${r.status}` } });
    } catch {
      queueScan(scan);
      setAnswer({ kind: "offline" });
    }
    setCode("");
  }, []);
  const onCode = useCallback((text: string) => void submit(text), [submit]);
  const { error } = useQrCamera(video, camera && answer === null, onCode);

  useEffect(() => {
    const flush = () => void flushScans();
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, []);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-4 p-4">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{g.title}</h1>
        <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
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
      {answer && (
        <GateResult
          answer={answer}
          onNext={() => {
            busy.current = false;
            setAnswer(null);
          }}
        />
      )}
    </main>
  );
}
