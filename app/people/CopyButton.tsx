"use client";
// Copies a link: the clipboard API where the page is a secure context, else the old select-and-copy.
import { useState } from "react";

async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http on the compound's network is not a secure context: fall back to the selected field.
    if (!field) return false;
    field.select();
    return document.execCommand("copy");
  }
}

export function CopyButton({
  text,
  field,
  labels,
}: {
  text: string;
  field: () => HTMLInputElement | null;
  labels: { copy: string; copied: string; copyFailed: string };
}) {
  const [done, setDone] = useState<boolean | null>(null);
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        data-copy
        onClick={async () => setDone(await copy(text, field()))}
        className="rounded bg-sky-400 px-3 py-1 text-sm font-semibold text-slate-950"
      >
        {done ? labels.copied : labels.copy}
      </button>
      {done === false && <span className="text-sm text-amber-300">{labels.copyFailed}</span>}
    </span>
  );
}
