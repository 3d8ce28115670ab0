"use client";
// Why: the sender runs and its notices show whichever task is on screen: a signed-out phone must say so everywhere.
import { useEffect, useSyncExternalStore } from "react";
import type { Lang } from "../_i18n/dict";
import { OUTBOX } from "../_i18n/outbox";
import { outbox } from "../_live/outbox";
import { useLive } from "../_live/use-live";
import { outboxNotice } from "./outbox-notice";

/** Starts the outbox's sender (page load, `online`, a timer) and sends again at each reconnect of the socket. */
export function useOutboxSender(): void {
  const online = useLive().connection === "live";
  useEffect(() => outbox.start(), []);
  useEffect(() => {
    if (online) void outbox.kick();
  }, [online]);
}

/** "Signed out: ask for a new link" or "no connection: kept on this phone", above every task. */
export function OutboxNotice({ lang }: { lang: Lang }) {
  const box = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
  const live = useLive();
  const notice = outboxNotice({ signedOut: box.signedOut, authError: live.authError, connection: live.connection });
  const o = OUTBOX[lang];
  if (notice === "signed_out")
    return (
      <p data-signed-out className="text-sm text-red-300">
        {o.signedOut}
      </p>
    );
  if (notice === "offline") return <p className="text-sm text-amber-300">{o.offline}</p>;
  return null;
}
