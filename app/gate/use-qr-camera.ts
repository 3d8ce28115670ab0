"use client";
// Why: the gate phone reads a pass's QR code from the camera: the browser's own BarcodeDetector where it reads QR codes,
// otherwise frames drawn on a canvas and decoded by jsQR, all in the page (no CDN).
import jsQR from "jsqr";
import { type RefObject, useEffect, useState } from "react";

const EVERY_MS = 150;

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue?: string }[]> };
type DetectorClass = { new (o: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

/** The browser's own QR reader when it has one that reads QR codes (Android Chrome, Safari 17+), else null. */
async function nativeDetector(): Promise<Detector | null> {
  const D = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!D) return null;
  try {
    const formats = (await D.getSupportedFormats?.()) ?? [];
    return formats.includes("qr_code") ? new D({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

/** While `on`, shows the back camera in `video` and calls `onCode` with the first QR text read; `error` when there is no camera. */
export function useQrCamera(video: RefObject<HTMLVideoElement | null>, on: boolean, onCode: (text: string) => void) {
  const [error, setError] = useState(false);
  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(async (s) => {
        if (stopped) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        stream = s;
        const v = video.current;
        if (!v) return;
        v.srcObject = s;
        await v.play().catch(() => {});
        const native = await nativeDetector();
        if (stopped) return;
        let reading = false;
        timer = setInterval(() => {
          if (v.videoWidth === 0) return;
          if (native) {
            if (reading) return;
            reading = true;
            native
              .detect(v)
              .then((found) => {
                const text = found.find((f) => f.rawValue)?.rawValue;
                if (text && !stopped) onCode(text);
              })
              .catch(() => {})
              .finally(() => {
                reading = false;
              });
            return;
          }
          if (!ctx) return;
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          ctx.drawImage(v, 0, 0);
          const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" });
          if (found?.data) onCode(found.data);
        }, EVERY_MS);
      })
      .catch(() => setError(true));
    if (!navigator.mediaDevices) setError(true);
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, [on, video, onCode]);
  return { error };
}
