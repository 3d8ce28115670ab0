"use client";
// A sign-in link as a QR code: the qrcode package's SVG, made in the browser from exactly the link's text.
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { QR_OPTIONS } from "./qr";

export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(text, QR_OPTIONS)
      .then((s) => current && setSvg(s))
      .catch(() => current && setSvg(null));
    return () => {
      current = false;
    };
  }, [text]);
  return (
    <div
      role="img"
      aria-label={label}
      data-qr={svg ? "ready" : "pending"}
      className={`bg-white [&>svg]:block [&>svg]:size-full ${className ?? ""}`}
      // The SVG is the qrcode package's output: module coordinates only, no text from the link or the page.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: generated markup, see above
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
