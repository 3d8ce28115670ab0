// Why: one deployment serves many compounds (v1.2); a screen shows the one its address names, else the signed-in token's own.

/** Set at sign-in beside the session (server/auth/session.ts COMMUNITY_COOKIE). */
const COOKIE = "cordon_community";

/** The compound this screen shows: `?community=`, else the sign-in's compound, else `default` (and on the server). */
export function screenCommunity(): string {
  if (typeof window === "undefined") return "default";
  const asked = new URLSearchParams(window.location.search).get("community");
  if (asked) return asked;
  const m = document.cookie.match(new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]*)`));
  try {
    return m?.[1] ? decodeURIComponent(m[1]) : "default";
  } catch {
    return "default";
  }
}
