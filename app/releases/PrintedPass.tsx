"use client";
// Why: a pass on paper for someone without a phone: its QR code and number (a code that lasts as long as the pass, since
// paper cannot change), until when, how long a trip, and whose it is (the name masked, as the gate shows it).
import { maskName } from "../../server/domain/masking";
import { HOME } from "../_i18n/home";
import { localWhen } from "../_i18n/when";
import { grouped } from "../home/PassCard";
import { QrCode } from "../people/QrCode";

export interface PrintablePass {
  requestId: string;
  building: string;
  unit: string;
  person: string | null;
  kind: string;
  pass: { until: string; tripHours: number | null; printCode?: string };
}

const NOTE = {
  "zh-CN": "纸质通行证：二维码不会更换，有效期内有效，过期自动失效。请妥善保管，遗失请告知居委会。",
  en: "Printed pass: this code does not change; it works until the pass runs out. Keep it safe; tell the committee if it is lost.",
};

/** One pass, A6-sized with a cutting line, at the top of an A4 page; both languages, as the gate reads it. */
export function PrintedPass({ r }: { r: PrintablePass }) {
  const code = r.pass.printCode ?? "";
  const zh = HOME["zh-CN"].pass;
  const en = HOME.en.pass;
  return (
    <article
      data-printed-pass={r.requestId}
      className="mx-auto flex w-[105mm] flex-col items-center gap-[2mm] border border-dashed border-black bg-white p-[5mm] text-center text-black"
    >
      <p className="text-[15pt] font-bold leading-tight">
        {zh.title} · {en.title}
      </p>
      <p className="text-[13pt] font-semibold leading-tight">
        {r.building} · {r.unit}
        {r.person ? ` · ${maskName(r.person)}` : ""}
      </p>
      <QrCode text={code} label={en.qr(grouped(code))} className="size-[62mm]" />
      <p className="leading-tight">
        <span className="block text-[9pt]">
          {zh.number} · {en.number}
        </span>
        <span data-printed-number className="font-mono text-[20pt] font-bold tracking-wider">
          {grouped(code)}
        </span>
      </p>
      <p className="text-[11pt] font-semibold leading-snug">
        {zh.until(localWhen(r.pass.until, "zh-CN"))}
        <br />
        {en.until(localWhen(r.pass.until, "en"))}
      </p>
      <p className="text-[10pt] leading-snug">
        {r.pass.tripHours === null ? zh.noTripLimit : zh.trip(r.pass.tripHours)} ·{" "}
        {r.pass.tripHours === null ? en.noTripLimit : en.trip(r.pass.tripHours)}
      </p>
      <p className="text-[8pt] leading-snug">{NOTE["zh-CN"]}</p>
      <p className="text-[8pt] leading-snug">{NOTE.en}</p>
      <p className="text-[7pt]">{r.requestId}</p>
    </article>
  );
}
