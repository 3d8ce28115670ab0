"use client";
// Why: the gate phone reads a pass's QR code from the camera: frames drawn on a canvas and decoded by jsQR, all in the page (no CDN).
import jsQR from "jsqr";
import { type RefObject, useEffect, useState } from "react";

const EVERY_MS = 150;

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
        timer = setInterval(() => {
          if (!ctx || v.videoWidth === 0) return;
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
