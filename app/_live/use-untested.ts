"use client";
// Why: one place that reads the door-knocking list, follows the feed without flooding the server, and posts the taps.
import { useCallback, useEffect, useRef, useState } from "react";
import type { UntestedList } from "../../server/protocol/untested";
import { keepUntested, keptUntested } from "./kept-untested";
import { type ApiError, postEvent } from "./post-event";

const withoutHousehold = (list: UntestedList, householdId: string): UntestedList => ({
  round: list.round,
  buildings: list.buildings
    .map((b) => ({ ...b, households: b.households.filter((h) => h.householdId !== householdId) }))
    .filter((b) => b.households.length > 0),
});

const READ_EVERY_MS = 1000;
/** How a tap is sent: posted at once (the desk), or kept in the phone's outbox first (the console). */
export type Sender = (event: {
  type: string;
  payload: Record<string, unknown>;
}) => Promise<{ ok: true } | { ok: false; message: string; error?: ApiError }>;
type Mark = { ok: true; householdId: string } | { ok: false; householdId: string; message: string; error?: ApiError };

/**
 * The door-knocking list (GET /api/untested), re-read when the feed moves (`seq`): at most once a
 * second and always once more after the last move. `buildingId` narrows it to one building;
 * `null` reads nothing (no building chosen yet). Households marked here leave the list at once.
 */
export function useUntested(seq: number | undefined, buildingId?: string | null, send: Sender = postEvent) {
  const [list, setList] = useState<UntestedList | null>(null);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const url = buildingId === null ? null : `/api/untested${buildingId ? `?buildingId=${encodeURIComponent(buildingId)}` : ""}`;
  // A read answered after a later one started is dropped: the list never steps back.
  const reads = useRef({ started: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined, last: 0 });
  // The timer reads the address current when it fires, not when it was set.
  const current = useRef(url);
  current.current = url;
  const read = useCallback((from: string) => {
    const r = reads.current;
    const n = ++r.started;
    r.last = Date.now();
    fetch(from, { credentials: "same-origin" })
      .then((res) => (res.ok ? (res.json() as Promise<UntestedList>) : null))
      .then((body) => {
        if (!body || n !== r.started) return;
        keepUntested(from, body);
        setList(body);
      })
      .catch(() => {});
  }, []);
  // A new building: the list this phone read last for it at once (it may be offline), then a fresh read.
  useEffect(() => {
    setList(url ? keptUntested(url) : null);
    if (url) read(url);
  }, [url, read]);
  useEffect(() => {
    const r = reads.current;
    if (seq === undefined || !url || r.timer) return;
    r.timer = setTimeout(
      () => {
        r.timer = undefined;
        if (current.current) read(current.current);
      },
      Math.max(0, r.last + READ_EVERY_MS - Date.now()),
    );
  }, [seq, url, read]);
  useEffect(
    () => () => {
      clearTimeout(reads.current.timer);
      reads.current.timer = undefined;
    },
    [],
  );
  /** One tap: posts `household.tested` for the list's open round (a fresh event id each time). */
  const mark = useCallback(
    async (householdId: string): Promise<Mark> => {
      const roundId = list?.round?.roundId;
      if (!roundId) return { ok: false, householdId, message: "no round is open" };
      const r = await send({ type: "household.tested", payload: { roundId, householdId } });
      if (!r.ok) return { ok: false, householdId, message: r.message, error: r.error };
      setMarked((m) => new Set(m).add(`${roundId}/${householdId}`));
      // The kept copy forgets the tapped door too, so a reload before the tap is sent does not bring it back.
      if (list && current.current) keepUntested(current.current, withoutHousehold(list, householdId));
      return { ok: true, householdId };
    },
    [list, send],
  );
  /** Undoes a tap made here (`household.test_undone`): the household is back on the list at once. */
  const unmark = useCallback(
    async (householdId: string, reason?: string): Promise<Mark> => {
      const roundId = list?.round?.roundId;
      if (!roundId) return { ok: false, householdId, message: "no round is open" };
      const r = await send({ type: "household.test_undone", payload: { roundId, householdId, ...(reason ? { reason } : {}) } });
      if (!r.ok) return { ok: false, householdId, message: r.message, error: r.error };
      setMarked((m) => {
        const next = new Set(m);
        next.delete(`${roundId}/${householdId}`);
        return next;
      });
      return { ok: true, householdId };
    },
    [list?.round?.roundId, send],
  );
  const roundId = list?.round?.roundId;
  const shown: UntestedList | null = list && {
    round: list.round,
    buildings: list.buildings
      .map((b) => ({ ...b, households: b.households.filter((h) => !marked.has(`${roundId}/${h.householdId}`)) }))
      .filter((b) => b.households.length > 0),
  };
  return { list: shown, mark, unmark };
}
