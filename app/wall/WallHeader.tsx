import type { WallView } from "../../server/protocol/wall";
import { ConnectionBadge } from "../_components/ConnectionBadge";
import type { DICTS, Lang } from "../_i18n/dict";
import type { LiveState } from "../_live/store";

/** Title, round, connection and freshness, language switch: the wall's top line, always visible. */
export function WallHeader({
  live,
  t,
  lang,
  toggle,
  round,
  name,
  stale,
}: {
  live: LiveState;
  t: (typeof DICTS)["en"];
  lang: Lang;
  toggle: () => void;
  round: WallView["round"];
  /** community.named; null until named. */
  name: string | null;
  stale: boolean;
}) {
  return (
    <header className="flex items-center justify-between gap-6 px-6 py-3">
      <div className="flex min-w-0 items-baseline gap-6">
        <h1 className="text-4xl font-semibold">
          <span data-compound-name>{name ?? t.ourCompound}</span> · {t.wallTitle}
        </h1>
        <p className="truncate text-2xl text-slate-400" data-round-label>
          {round ? t.wall.roundLabel(round.label ?? `${t.round} ${round.roundId}`, round.kind, round.open) : t.noRound}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-4">
        {stale && (
          <span data-stale className="rounded-full bg-amber-500/20 px-4 py-1 text-xl font-semibold text-amber-200 ring-2 ring-amber-400">
            {t.wall.stale}
          </span>
        )}
        <ConnectionBadge live={live} t={t} locale={lang} large />
        <button type="button" onClick={toggle} className="rounded px-3 py-1 text-lg text-slate-400 ring-1 ring-slate-700">
          {t.language}
        </button>
      </div>
    </header>
  );
}
