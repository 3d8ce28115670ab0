"use client";
// Why: the pass shown at the gate: a large QR code of the code of this moment, its number to type, until when, and inside or out.
import type { Lang } from "../_i18n/dict";
import { HOME } from "../_i18n/home";
import { localWhen } from "../_i18n/when";
import { QrCode } from "../people/QrCode";
import type { MyPass } from "./use-my-requests";

/** A code stays good for one window after it changes (the gate takes this one and the one before). */
const GRACE_MS = 10 * 60_000;

/** The number in groups of three, as it is read aloud and typed (the gate ignores the spaces). */
export const grouped = (code: string) => code.replace(/(\d{3})(?=\d)/g, "$1 ");

/** Whether the pass is worth showing: still valid, or its holder is out (coming back is never refused). */
export const showsPass = (p: MyPass | null, now: number): p is MyPass => !!p && (p.state === "outside" || Date.parse(p.until) > now);

export function PassCard({
  requestId,
  pass,
  person,
  lang,
  now,
}: {
  requestId: string;
  pass: MyPass;
  person: string | null;
  lang: Lang;
  now: number;
}) {
  const w = HOME[lang].pass;
  const expired = Date.parse(pass.until) <= now;
  // Kept from before the phone lost its network for longer than the gate takes an old code: show no stale QR.
  const stale = now > Date.parse(pass.codeChangesAt) + GRACE_MS;
  const overdue = pass.state === "outside" && pass.returnBy !== null && Date.parse(pass.returnBy) <= now;
  return (
    <section
      data-pass={pass.state}
      data-pass-request={requestId}
      data-pass-code={stale ? undefined : pass.code}
      aria-label={w.title}
      className="flex flex-col items-center gap-3 rounded-xl bg-white p-4 text-slate-950"
    >
      <div className="flex w-full flex-wrap items-center gap-2">
        <h3 className="text-xl font-bold">{w.title}</h3>
        <span
          data-pass-state
          className={`ml-auto rounded-full px-3 py-1 text-base font-semibold ${pass.state === "outside" ? "bg-amber-300" : "bg-emerald-200"}`}
        >
          {pass.state === "outside" ? w.outside : w.inside}
        </span>
      </div>
      {person && <p className="w-full text-base">{w.whoFor(person)}</p>}
      {expired && pass.state === "inside" ? (
        <p role="status" className="w-full rounded-lg bg-red-100 p-3 text-lg font-semibold text-red-900">
          {w.expired}
        </p>
      ) : stale ? (
        <p role="status" className="w-full rounded-lg bg-amber-100 p-3 text-lg font-semibold text-amber-950">
          {w.stale}
        </p>
      ) : (
        <>
          <QrCode text={pass.code} label={w.qr(grouped(pass.code))} className="aspect-square w-full max-w-[22rem] p-2" />
          <p className="text-center">
            <span className="block text-sm text-slate-700">{w.number}</span>
            <span data-pass-number className="font-mono text-4xl font-bold tracking-wider">
              {grouped(pass.code)}
            </span>
          </p>
        </>
      )}
      <ul className="flex w-full flex-col gap-1 text-lg">
        <li data-pass-until className={expired ? "text-red-800" : ""}>
          {w.until(localWhen(pass.until, lang))}
        </li>
        <li>{pass.tripHours === null ? w.noTripLimit : w.trip(pass.tripHours)}</li>
        {pass.state === "outside" && pass.outAt && <li>{w.outSince(localWhen(pass.outAt, lang))}</li>}
        {pass.state === "outside" && pass.returnBy && (
          <li data-pass-return className="font-semibold">
            {w.backBy(localWhen(pass.returnBy, lang))}
          </li>
        )}
        {overdue && <li className="rounded bg-red-100 p-2 font-semibold text-red-900">{w.overdue}</li>}
      </ul>
      {!stale && !(expired && pass.state === "inside") && <p className="text-base text-slate-700">{w.changing}</p>}
    </section>
  );
}
