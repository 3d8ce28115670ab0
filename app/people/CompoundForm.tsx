"use client";
// Why: the operator opens compounds from a screen, not a terminal (v1.2, section 2): each one's first secretary link.
import { useEffect, useState } from "react";
import { PEOPLE } from "../_i18n/people";
import type { MintRequest } from "./links";

const ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Shown to the operator only: a compound id and a label make that compound's first secretary link. */
export function CompoundForm({ p, busy, onMint }: { p: (typeof PEOPLE)["en"]; busy: boolean; onMint: (reqs: MintRequest[]) => void }) {
  const [operator, setOperator] = useState(false);
  const [id, setId] = useState("");
  const [label, setLabel] = useState("");
  useEffect(() => {
    fetch("/api/session", { credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<{ operator?: boolean }>) : null))
      .then((s) => setOperator(s?.operator === true))
      .catch(() => setOperator(false));
  }, []);
  if (!operator) return null;
  const valid = ID.test(id.trim());
  return (
    <section data-compounds className="my-4 rounded-lg p-4 ring-1 ring-slate-700">
      <h2 className="text-lg font-semibold">{p.compounds.title}</h2>
      <p className="mb-3 text-sm text-slate-300">{p.compounds.hint}</p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const community = id.trim();
          if (!ID.test(community)) return;
          const text = label.trim() || p.compounds.labelDefault(community);
          onMint([{ role: "secretary", label: text, community, detail: `${PEOPLE["zh-CN"].roles.secretary} · ${community}` }]);
          setId("");
          setLabel("");
        }}
      >
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          {p.compounds.id}
          <input
            name="community"
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            placeholder={p.compounds.idHint}
            className="rounded bg-slate-900 px-2 py-1 text-slate-100 ring-1 ring-slate-600"
          />
        </label>
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm text-slate-300">
          {p.compounds.label}
          <input
            name="compound-label"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            className="rounded bg-slate-900 px-2 py-1 text-slate-100 ring-1 ring-slate-600"
          />
        </label>
        <button type="submit" disabled={busy || !valid} className="rounded bg-sky-700 px-3 py-1.5 text-white disabled:opacity-50">
          {p.compounds.make}
        </button>
      </form>
    </section>
  );
}
