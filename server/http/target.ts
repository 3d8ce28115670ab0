// Why: the request line is the client's to write; any target must get an answer, never an exception (TRUST1).

/**
 * The request's target as a URL on our own origin, or null when it names nothing we serve (the
 * caller answers 400). Origin-form (`/path?q`) is taken whole as the path, so `//x:99999/` is a
 * path and never a host; absolute-form (`http://host/path`, as some proxies send) is reduced to
 * its path and query. Repeated slashes collapse to one, so no path (nor a `Location` built
 * from it) can read as `//another-host`.
 */
export function requestTarget(raw: string | undefined): URL | null {
  if (!raw) return null;
  let path: string;
  if (raw.startsWith("/")) path = raw;
  else {
    const absolute = parse(raw);
    if (!absolute || (absolute.protocol !== "http:" && absolute.protocol !== "https:")) return null;
    path = `${absolute.pathname}${absolute.search}`;
  }
  const url = parse(`http://localhost${path}`);
  if (!url) return null;
  url.pathname = url.pathname.replace(/\/{2,}/g, "/");
  return url;
}

function parse(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}
