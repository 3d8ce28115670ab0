"use client";
// A photo goes up as a file first (POST /api/files, base64 in JSON as the session cookie requires), then is named in the request.
import type { ApiError } from "../_live/post-event";

async function base64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Uploads one photo; answers its fileId, or the API's refusal (too large, not a picture, HEIC the server cannot read). */
export async function uploadPhoto(file: Blob, community = "default"): Promise<{ fileId: string } | { error: ApiError }> {
  try {
    const r = await fetch(`/api/files?community=${encodeURIComponent(community)}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ file: await base64(file) }),
    });
    const body = (await r.json().catch(() => null)) as { fileId?: string; error?: ApiError } | null;
    if (body?.fileId) return { fileId: body.fileId };
    return { error: { ...body?.error, message: body?.error?.message ?? `HTTP ${r.status}` } };
  } catch {
    return { error: { reason: "server_unreachable", message: "the server cannot be reached; try again" } };
  }
}
