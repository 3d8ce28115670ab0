import type { ReasonRef } from "../protocol/reasons";

/**
 * Which browser origin may use the session cookie: PUBLIC_URL's when it is set (behind a proxy
 * the Host header is the upstream's), else the request's own Host.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (!origin) return false;
  try {
    const from = new URL(origin);
    if (publicUrl) return from.origin === new URL(publicUrl).origin;
    return Boolean(host) && from.host === host;
  } catch {
    return false;
  }
}

/** The session cookie is Secure when the public address is https (or, without PUBLIC_URL, the proxy says so). */
export function secureCookie(publicUrl: string | undefined, forwardedProto: string | string[] | undefined): boolean {
  if (publicUrl) return publicUrl.startsWith("https:");
  return forwardedProto === "https";
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A state-changing request signed in by the cookie: from our own pages, as JSON; else why not. */
export function cookieWriteProblem(
  headers: { origin?: string; host?: string; "content-type"?: string },
  publicUrl: string | undefined,
): ReasonRef | null {
  if (!originAllowed(headers.origin, headers.host, publicUrl))
    return { reason: "cookie_wrong_origin", params: { origin: headers.origin ?? "missing" } };
  if (!JSON_TYPE.test(headers["content-type"] ?? "")) return { reason: "cookie_not_json", params: {} };
  return null;
}
