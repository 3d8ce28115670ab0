"use client";
// Why: a secretary in a protective suit is not watching the screen: a new urgent request announces itself while the desk is open.
import { useEffect, useRef, useState } from "react";

type Item = { requestId: string; urgent: boolean; status: string };

/** A short two-tone beep; browsers that keep audio locked until a tap stay silent (the vibration and the banner remain). */
function beep(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    if (ctx.state === "suspended") void ctx.resume().catch(() => {});
    const gain = ctx.createGain();
    gain.gain.value = 0.2;
    gain.connect(ctx.destination);
    [880, 660].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.25);
      osc.stop(ctx.currentTime + i * 0.25 + 0.2);
    });
    setTimeout(() => void ctx.close().catch(() => {}), 1000);
  } catch {
    // No audio here: the banner says it.
  }
}

/**
 * The ids of urgent requests waiting for a decision that appeared after the first read of the queue:
 * each is announced once (sound and vibration where the browser allows), and listed until dismissed.
 */
export function useUrgentAlert(items: readonly Item[] | null): { fresh: string[]; dismiss: () => void } {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<string[]>([]);
  useEffect(() => {
    if (!items) return;
    const urgent = items.filter((r) => r.urgent && r.status === "pending").map((r) => r.requestId);
    if (seen.current === null) {
      // What was already waiting when the screen opened is not news.
      seen.current = new Set(urgent);
      return;
    }
    const known = seen.current;
    const added = urgent.filter((id) => !known.has(id));
    for (const id of added) known.add(id);
    if (added.length === 0) return;
    setFresh((f) => [...f, ...added]);
    beep();
    navigator.vibrate?.([200, 100, 200]);
  }, [items]);
  return { fresh, dismiss: () => setFresh([]) };
}
