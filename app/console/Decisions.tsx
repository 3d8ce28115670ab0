"use client";
// Why: a volunteer tells a household at the door what was decided: the console follows the decisions live, masked as everywhere on the phone.
import { useEffect, useRef, useState } from "react";
import type { FollowedRequest } from "../../server/queries/followed-requests";
import { deskWords } from "../_i18n/desk";
import type { Lang } from "../_i18n/dict";
import { DICTS } from "../_i18n/dict";
import { FOLLOWED, isStatus } from "../_i18n/followed";
import { screenCommunity } from "../_live/community";
import { useLive } from "../_live/use-live";
import { useNow } from "../_live/use-now";
import { useMyBuilding } from "./use-my-building";
import { useRegistry } from "./use-registry";

const READ_EVERY_MS = 1000;
/** Read again this often even when no request count moved. */
const SAFETY_READ_MS = 30_000;
const KEPT = "cordon.followed";

type Kept = { items: FollowedRequest[]; at: number; building: string | null };

/** The last list read, kept on the phone without names, to show in a stairwell with no network. */
function readKept(building: string | null): Kept | null {
  try {
    const k = JSON.parse(window.localStorage.getItem(KEPT) ?? "null") as Kept | null;
    return k && k.building === building && Array.isArray(k.items) ? k : null;
  } catch {
    return null;
  }
}

function keep(k: Kept): void {
  try {
    window.localStorage.setItem(KEPT, JSON.stringify({ ...k, items: k.items.map((r) => ({ ...r, person: null })) }));
  } catch {
    // No storage (private mode): the list lasts while the page is open.
  }
}

const TONE: Record<string, string> = {
  pending: "bg-slate-700 text-white",
  approved: "bg-emerald-400 text-slate-950",
  fulfilled: "bg-slate-300 text-slate-950",
  rejected: "bg-red-400 text-slate-950",
  cancelled: "bg-slate-600 text-white",
};

/** The requests of the volunteer's building and those opened on this phone, re-read whenever a request moves. */
export function Decisions({ lang }: { lang: Lang }) {
  const live = useLive();
  const counts = live.snapshot?.counts;
  // A decision, a new request, a cancellation or a passage through the gate moves one of these; a tap or a
  // check-in does not, so 160 phones do not all re-read on every swab. A slow tick catches two changes that cancel out.
  const requestsMoved = counts && `${counts.pendingRequests}/${counts.urgentRequests}/${counts.outsideNow}`;
  const tick = Math.floor(useNow(SAFETY_READ_MS) / SAFETY_READ_MS);
  const readKey = requestsMoved && `${requestsMoved}@${tick}`;
  const building = useMyBuilding();
  const registry = useRegistry(counts && `${counts.householdsTotal}/${counts.buildingsTotal}`);
  const [list, setList] = useState<{ items: FollowedRequest[]; at: number } | null>(null);
  // Opened without a connection: what this phone last read for this building.
  useEffect(() => {
    setList((l) => l ?? readKept(building));
  }, [building]);
  // Re-read when a request moves or the building changes, at most once a second and always after the last move.
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; last: number }>({ last: 0 });
  useEffect(() => {
    const p = pending.current;
    if (readKey === undefined) return;
    clearTimeout(p.timer);
    p.timer = setTimeout(
      () => {
        p.timer = undefined;
        p.last = Date.now();
        const q = new URLSearchParams({ community: screenCommunity(), building: building ?? "" });
        fetch(`/api/requests/followed?${q}`, { credentials: "same-origin", cache: "no-store" })
          .then((r) => (r.ok ? r.json() : null))
          .then((body: { requests: FollowedRequest[] } | null) => {
            if (!body) return;
            const read = { items: body.requests, at: Date.now() };
            setList(read);
            keep({ ...read, building });
          })
          .catch(() => {});
      },
      Math.max(0, p.last + READ_EVERY_MS - Date.now()),
    );
  }, [readKey, building]);
  useEffect(() => () => clearTimeout(pending.current.timer), []);
  const f = FOLLOWED[lang];
  const t = DICTS[lang];
  const basis = deskWords(lang).decision.basis;
  const label = registry?.buildings.find((b) => b.buildingId === building)?.label ?? null;
  const time = (ms: number) => new Intl.DateTimeFormat(lang, { timeStyle: "short" }).format(ms);
  const items = list?.items ?? [];
  return (
    <section data-followed={items.length} className="flex flex-col gap-2 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="text-lg font-semibold">{f.title}</h2>
      <p className="text-sm text-slate-400">{f.hint(label)}</p>
      {list && live.connection !== "live" && <p className="text-sm text-amber-300">{f.asOf(time(list.at))}</p>}
      {list && items.length === 0 && <p className="text-sm text-slate-400">{f.empty}</p>}
      {items.length > 0 && (
        <ul className="flex flex-col gap-2">
          {items.map((r) => (
            <li
              key={r.requestId}
              data-followed-request={r.requestId}
              data-status={r.status}
              className="flex flex-col gap-1 rounded bg-slate-800 p-2 ring-1 ring-slate-700"
            >
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className={`rounded px-2 text-sm font-semibold ${TONE[r.status] ?? TONE.pending}`}>
                  {isStatus(r.status) ? f.status[r.status] : r.status}
                </span>
                {r.urgent && <span className="rounded bg-red-700 px-2 text-sm font-semibold text-white">{t.wall.urgent}</span>}
                <span className="font-semibold">{t.wall.requestKind[r.kind as keyof typeof t.wall.requestKind] ?? r.kind}</span>
                <span>
                  {r.building} {r.unit}
                </span>
                {r.person && <span className="text-slate-300">· {r.person}</span>}
              </p>
              <p className="text-xs text-slate-400">
                <span className="font-mono">{r.requestId}</span>
                {r.openedHere ? ` · ${f.openedHere}` : ""}
                {r.decision?.decidedAt ? ` · ${time(Date.parse(r.decision.decidedAt))}` : ""}
              </p>
              {r.decision?.basis && (
                <p className="text-sm text-emerald-300">{basis[r.decision.basis as keyof typeof basis] ?? r.decision.basis}</p>
              )}
              {r.decision?.reason && (
                <p data-decision-reason className={`text-sm ${r.status === "rejected" ? "text-red-300" : "text-amber-300"}`}>
                  {f.reason}: {r.decision.reason}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
