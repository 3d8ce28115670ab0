"use client";
// Why: a gate without network keeps its scans (with their ids and the moment read) and sends them when the network is back.
const KEY = "cordon-gate-scans";

export interface QueuedScan {
  id: string;
  code: string;
  scannedAt: string;
}

const read = (): QueuedScan[] => {
  try {
    return JSON.parse(window.localStorage.getItem(KEY) ?? "[]") as QueuedScan[];
  } catch {
    return [];
  }
};
const write = (list: QueuedScan[]) => window.localStorage.setItem(KEY, JSON.stringify(list));

export const queuedScans = read;
export const queueScan = (s: QueuedScan) => write([...read(), s]);

/** Sends every kept scan in order; a scan the server answered (201, 200, 404, 409) leaves the queue, an unreachable server keeps it. */
export async function flushScans(): Promise<number> {
  let sent = 0;
  for (const s of read()) {
    try {
      const r = await fetch("/api/gate/scan", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(s),
      });
      if (r.status >= 500 || r.status === 401 || r.status === 429) break;
    } catch {
      break;
    }
    write(read().filter((x) => x.id !== s.id));
    sent++;
  }
  return sent;
}
