"use client";

/** Posts one event with the session cookie; resolves to the API's error message when it is refused. */
export async function postEvent(event: { type: string; payload: object }): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const r = await fetch("/api/events", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...event, id: crypto.randomUUID() }),
    });
    if (r.ok) return { ok: true };
    const body = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: body?.error?.message ?? `HTTP ${r.status}` };
  } catch {
    return { ok: false, message: "the server cannot be reached; try again" };
  }
}
