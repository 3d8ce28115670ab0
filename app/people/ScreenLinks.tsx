"use client";
// Links for a wall display or another secretary, each with a label the sign-in list will show.
import { useState } from "react";
import type { Role } from "../../server/protocol/vocabularies";
import { PEOPLE } from "../_i18n/people";
import type { MintRequest } from "./links";

type Dict = (typeof PEOPLE)["en"];

function MintForm({
  screen: role,
  title,
  placeholder,
  p,
  busy,
  onMint,
}: {
  screen: Exclude<Role, "volunteer">;
  title: string;
  placeholder: string;
  p: Dict;
  busy: boolean;
  onMint: (reqs: MintRequest[]) => void;
}) {
  const [label, setLabel] = useState("");
  return (
    <form
      data-mint-screen={role}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onMint([{ role, label: label.trim() || placeholder, detail: `${PEOPLE["zh-CN"].roles[role]} · ${PEOPLE.en.roles[role]}` }]);
        setLabel("");
      }}
    >
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm text-slate-300">
        {p.screens.label}
        <input
          name="label"
          value={label}
          maxLength={100}
          placeholder={placeholder}
          onChange={(e) => setLabel(e.target.value)}
          className="rounded bg-slate-800 px-2 py-1"
        />
      </label>
      <button type="submit" disabled={busy} className="rounded bg-sky-400 px-3 py-1 font-semibold text-slate-950 disabled:opacity-40">
        {title}
      </button>
    </form>
  );
}

export function ScreenLinks({ p, busy, onMint }: { p: Dict; busy: boolean; onMint: (reqs: MintRequest[]) => void }) {
  const s = p.screens;
  return (
    <section className="flex flex-col gap-4 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{s.title}</h2>
      <p className="text-sm text-slate-400">{s.hint}</p>
      <MintForm screen="display" title={s.wall} placeholder={s.wallLabel} p={p} busy={busy} onMint={onMint} />
      <MintForm screen="secretary" title={s.secretary} placeholder={s.secretaryLabel} p={p} busy={busy} onMint={onMint} />
    </section>
  );
}
