import type { IncomingMessage } from "node:http";
import type { ReasonRef } from "../protocol/reasons";

export type Scheme = "http" | "https";

/** The scheme the browser used: https when this server holds the TLS connection, or a proxy in front says so. */
export function requestScheme(req: Pick<IncomingMessage, "headers" | "socket">): Scheme {
  if ((req.socket as { encrypted?: boolean }).encrypted) return "https";
  const proto = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https" ? "https" : "http";
}

/**
 * Which browser origin may use the session cookie: PUBLIC_URL's when it is set (behind a proxy
 * the Host header is the upstream's), else the request's own scheme and Host: `https://host` is
 * another origin than `http://host`, as browsers count origins.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: string | undefined,
  scheme: Scheme,
): boolean {
  if (!origin) return false;
  try {
    const from = new URL(origin);
    if (publicUrl) return from.origin === new URL(publicUrl).origin;
    return Boolean(host) && from.protocol === `${scheme}:` && from.host === host;
  } catch {
    return false;
  }
}

/** The session cookie is Secure when the public address is https (or, without PUBLIC_URL, the request came over https). */
export function secureCookie(publicUrl: string | undefined, scheme: Scheme): boolean {
  if (publicUrl) return publicUrl.startsWith("https:");
  return scheme === "https";
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A state-changing request signed in by the cookie: from our own pages, as JSON; else why not. */
export function cookieWriteProblem(
  headers: { origin?: string; host?: string; "content-type"?: string },
  publicUrl: string | undefined,
  scheme: Scheme,
): ReasonRef | null {
  if (!originAllowed(headers.origin, headers.host, publicUrl, scheme))
    return { reason: "cookie_wrong_origin", params: { origin: headers.origin ?? "missing" } };
  if (!JSON_TYPE.test(headers["content-type"] ?? "")) return { reason: "cookie_not_json", params: {} };
  return null;
}
