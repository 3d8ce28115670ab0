// Why: links minted on a loopback address (localhost) open nothing on a phone: where links point, and when to warn. Pure.

/** localhost, 127.x.x.x, ::1 and 0.0.0.0: addresses that mean "this machine" to whoever opens them. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(h) || h === "::1" || h === "0.0.0.0";
}

/** The origin sign-in links and QR cards carry: PUBLIC_URL's when the server has one, else the address this page was opened on. */
export function linkOrigin(pageOrigin: string, publicUrl: string | null | undefined): string {
  if (!publicUrl) return pageOrigin;
  try {
    return new URL(publicUrl).origin;
  } catch {
    return pageOrigin;
  }
}

/** Warn when links would carry a loopback address: the page is opened on one and the server has no PUBLIC_URL. */
export const linksOnlyWorkHere = (hostname: string, publicUrl: string | null | undefined): boolean => !publicUrl && isLoopback(hostname);
