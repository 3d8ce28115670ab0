// Sign-in links as the people page makes them: which screen each role opens, and minting one through the API.
import type { Role } from "../../server/protocol/vocabularies";
import type { ApiError } from "../_live/post-event";

/** The screen each role's link opens. */
export const SCREEN_PATH: Record<Role, string> = {
  volunteer: "/console",
  display: "/wall",
  secretary: "/",
  street: "/street",
  resident: "/home",
};

/** `<origin>/console?token=…` for a volunteer, `/wall?token=…` for a display, `/?token=…` for a secretary. */
export const signInLink = (origin: string, role: Role, token: string) => `${origin}${SCREEN_PATH[role]}?token=${encodeURIComponent(token)}`;

export interface MintRequest {
  role: Role;
  label: string;
  volunteerId?: string;
  /** A household's door label (role resident). */
  householdId?: string;
  /** Another compound's (the operator opening a compound); default the signed-in compound. */
  community?: string;
  /** What the printed card says under the name: a volunteer's skills or post, a screen's role. */
  detail: string;
}

/** A link made on this page: its secret lives only here, in memory, until the page is left. */
export interface Minted extends MintRequest {
  id: string;
  link: string;
}

/** Mints a token through `POST /api/tokens` (the session cookie signs it) and answers its link, or the API's message. */
export async function mintLink(origin: string, req: MintRequest): Promise<Minted | { error: ApiError }> {
  try {
    const r = await fetch("/api/tokens", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        role: req.role,
        label: req.label.slice(0, 100),
        ...(req.volunteerId ? { volunteerId: req.volunteerId } : {}),
        ...(req.householdId ? { householdId: req.householdId } : {}),
        ...(req.community ? { community: req.community } : {}),
      }),
    });
    const body = (await r.json().catch(() => null)) as { id?: string; token?: string; error?: ApiError } | null;
    if (r.status !== 201 || !body?.token || !body.id)
      return { error: { ...body?.error, message: body?.error?.message ?? `HTTP ${r.status}` } };
    return { ...req, id: body.id, link: signInLink(origin, req.role, body.token) };
  } catch {
    return { error: { reason: "server_unreachable", message: "the server cannot be reached; try again" } };
  }
}

/** Revokes a token (`DELETE /api/tokens/:id`); answers the API's error when refused. */
export async function revokeLink(id: string): Promise<ApiError | null> {
  try {
    const r = await fetch(`/api/tokens/${encodeURIComponent(id)}`, {
      method: "DELETE",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
    });
    if (r.ok) return null;
    const body = (await r.json().catch(() => null)) as { error?: ApiError } | null;
    return { ...body?.error, message: body?.error?.message ?? `HTTP ${r.status}` };
  } catch {
    return { reason: "server_unreachable", message: "the server cannot be reached; try again" };
  }
}
