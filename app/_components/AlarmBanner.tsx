import type { WallView } from "../../server/protocol/wall";
import type { DICTS } from "../_i18n/dict";
import { fmtAge } from "./wall-format";

type WallDict = (typeof DICTS)["en"]["wall"];
/** `name`: what the screen calls the post (its registered name in the screen's language). */
export type Shortage = { post: string; onDuty: number; minimum: number; name?: string };

/**
 * Pinned alarms: urgent requests and positive results until decided or acknowledged, posts short of
 * volunteers. Announced to screen readers; a steady red band with one slowly pulsing dot, not a flashing screen.
 */
export function AlarmBanner({
  alerts,
  shortages,
  labels,
  now,
  locale,
  t,
}: {
  alerts: WallView["alerts"];
  shortages: Shortage[];
  labels: ReadonlyMap<string, string>;
  now: number;
  locale: string;
  t: WallDict;
}) {
  const lines = alerts.items.slice(0, 3).map((a) => {
    const b = a.buildingId ? (labels.get(a.buildingId) ?? a.buildingId) : "";
    const text = a.kind === "urgent_request" ? t.alertUrgent(a.requestKind ? t.requestKind[a.requestKind] : "", b) : t.alertPositive(b);
    return { key: `a${a.alertId}`, text, age: fmtAge(now - Date.parse(a.raisedAt), locale), tone: "alarm" as const };
  });
  const short = shortages.map((s) => ({
    key: `p${s.post}`,
    text: t.short(s.name ?? t.posts[s.post] ?? s.post, s.onDuty, s.minimum),
    age: "",
    tone: "warn" as const,
  }));
  const more = alerts.total - lines.length;
  const all = [...lines, ...short];
  // Past two lines they tighten (20 px text), so the grid below keeps its room.
  const size = all.length > 2 ? "py-1 text-xl" : "py-2 text-2xl";
  return (
    <div
      role="alert"
      aria-live="assertive"
      data-alarms={all.length}
      className={all.length === 0 ? "sr-only" : "flex flex-col gap-1.5 px-6 pb-2"}
    >
      {all.map((l) => (
        <div
          key={l.key}
          data-alarm={l.tone}
          className={`flex items-center gap-4 rounded-xl px-5 ${size} font-semibold ring-2 ${
            l.tone === "alarm" ? "bg-red-950 text-red-100 ring-red-400" : "bg-amber-950 text-amber-100 ring-amber-400"
          }`}
        >
          <span
            className={`size-4 shrink-0 rounded-full motion-safe:animate-pulse ${l.tone === "alarm" ? "bg-red-400" : "bg-amber-400"}`}
          />
          <span className="min-w-0 flex-1 truncate">{l.text}</span>
          {l.age && <span className="shrink-0 tabular-nums opacity-80">{l.age}</span>}
        </div>
      ))}
      {more > 0 && <div className="px-5 text-lg text-red-200">{t.more(more)}</div>}
    </div>
  );
}
