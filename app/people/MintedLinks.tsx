"use client";
// The links made on this page: each as a QR code and a link to copy, with the warning that it is shown only once.
import { useRef } from "react";
import type { PEOPLE } from "../_i18n/people";
import { CopyButton } from "./CopyButton";
import type { Minted } from "./links";
import { QrCode } from "./QrCode";

type Dict = (typeof PEOPLE)["en"];

function MintedCard({ m, p }: { m: Minted; p: Dict }) {
  const field = useRef<HTMLInputElement>(null);
  return (
    <li data-minted={m.id} data-link={m.link} className="flex gap-3 rounded bg-slate-800/60 p-3 ring-1 ring-slate-700">
      <QrCode text={m.link} label={p.minted.qr(m.label)} className="size-32 shrink-0 p-1" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-semibold">{m.label}</p>
        <p className="text-sm text-slate-400">{m.detail}</p>
        <input
          ref={field}
          readOnly
          value={m.link}
          aria-label={m.label}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded bg-slate-950 px-2 py-1 font-mono text-xs"
        />
        <CopyButton text={m.link} field={() => field.current} labels={p.minted} />
      </div>
    </li>
  );
}

export function MintedLinks({ minted, p, onClear }: { minted: Minted[]; p: Dict; onClear: () => void }) {
  if (minted.length === 0) return null;
  return (
    <section data-minted-links={minted.length} className="mb-6 rounded-lg bg-slate-900 p-4 ring-1 ring-amber-400/60">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{p.minted.title}</h2>
        <button
          type="button"
          data-print
          onClick={() => window.print()}
          className="ml-auto rounded bg-emerald-400 px-3 py-1 font-semibold text-slate-950"
        >
          {p.minted.print}
        </button>
        <button type="button" onClick={onClear} className="rounded px-3 py-1 text-sm ring-1 ring-slate-600">
          {p.minted.clear}
        </button>
      </div>
      <p role="note" data-once className="mb-3 rounded bg-amber-400/15 p-2 text-sm text-amber-200">
        {p.minted.once}
      </p>
      <ul className="grid gap-3 md:grid-cols-2">
        {minted.map((m) => (
          <MintedCard key={m.id} m={m} p={p} />
        ))}
      </ul>
    </section>
  );
}
