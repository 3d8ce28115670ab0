"use client";
// Why: the secretary opens and closes testing rounds from the desk, each after a confirmation that says what will happen.
import { useState } from "react";
import type { WallView } from "../../server/protocol/wall";
import { deskWords } from "../_i18n/desk";
import { postEvent } from "../_live/post-event";
import { ConfirmDialog } from "./ConfirmDialog";
import { nextRoundId } from "./round-id";

type Kind = "pcr" | "antigen";

/** Open a round (kind, optional label, a readable id) when none is open; close the open one. */
export function RoundControls({ round, locale }: { round: WallView["round"] | null | undefined; locale: string }) {
  const w = deskWords(locale);
  const [dialog, setDialog] = useState<"open" | "close" | null>(null);
  const open = round?.open ? round : null;
  // A round is said by the label the secretary typed (in quotes), its id only when none was typed.
  const name = open ? (open.label ? `“${open.label}”` : open.roundId) : "";
  return (
    <div className="flex items-center gap-2" data-round-controls={open ? "open" : "none"}>
      {open ? (
        <button type="button" onClick={() => setDialog("close")} className="rounded px-3 py-1 text-sm font-semibold ring-1 ring-slate-500">
          {w.round.close}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => setDialog("open")}
          disabled={round === undefined}
          className="rounded bg-sky-400 px-3 py-1 text-sm font-semibold text-slate-950 disabled:opacity-40"
        >
          {w.round.open}
        </button>
      )}
      {dialog === "close" && open && (
        <ConfirmDialog
          kind="round-close"
          locale={locale}
          title={w.round.closeTitle(name)}
          body={w.round.closeBody(name)}
          confirmLabel={w.confirm}
          cancelLabel={w.cancel}
          workingLabel={w.working}
          onConfirm={() => postEvent({ type: "round.closed", payload: { roundId: open.roundId } })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "open" && <OpenRound lastRoundId={round?.roundId ?? null} locale={locale} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** The dialog that opens a round: the kind chosen, an optional label, and the id it will get (editable). */
function OpenRound({ lastRoundId, locale, onClose }: { lastRoundId: string | null; locale: string; onClose: () => void }) {
  const w = deskWords(locale);
  const [kind, setKind] = useState<Kind>("pcr");
  const [label, setLabel] = useState("");
  const [typedId, setTypedId] = useState<string | null>(null);
  const roundId = (typedId ?? nextRoundId(kind, lastRoundId, new Date())).trim();
  const text = label.trim();
  return (
    <ConfirmDialog
      kind="round-open"
      locale={locale}
      title={w.round.openTitle}
      body={w.round.openBody(roundId, w.round.kinds[kind], text)}
      confirmLabel={w.confirm}
      cancelLabel={w.cancel}
      workingLabel={w.working}
      onConfirm={() => postEvent({ type: "round.opened", payload: { roundId, kind, ...(text ? { label: text } : {}) } })}
      onClose={onClose}
    >
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-sm text-slate-400">{w.round.kind}</legend>
        {(["pcr", "antigen"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="radio" name="round-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {w.round.kinds[k]}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col text-sm">
        {w.round.label}
        <input
          name="round-label"
          value={label}
          maxLength={100}
          onChange={(e) => setLabel(e.target.value)}
          className="rounded bg-slate-800 px-2 py-1 text-base"
        />
      </label>
      <label className="flex flex-col text-sm">
        {w.round.id}
        <input
          name="round-id"
          value={roundId}
          maxLength={64}
          onChange={(e) => setTypedId(e.target.value)}
          className="rounded bg-slate-800 px-2 py-1 font-mono text-base"
        />
      </label>
    </ConfirmDialog>
  );
}
