// Why: the authorisation matrix must control every header (Origin, Cookie, Content-Type), which fetch may add or refuse.
import { type IncomingHttpHeaders, request } from "node:http";

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The local address to send from (another loopback address is another client). */
  localAddress?: string;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One HTTP request on a fresh connection, with exactly the headers given (plus Host and Content-Length). */
export function rawRequest(base: string, r: RawRequest): Promise<RawResponse> {
  const url = new URL(r.path, base);
  const headers: Record<string, string | number> = { ...r.headers };
  if (r.body !== undefined) headers["content-length"] = Buffer.byteLength(r.body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: r.method, headers, agent: false, localAddress: r.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(r.body);
  });
}

/** Opens a sign-in link (`/?token=…`) and returns the session cookie it sets, as a `name=value` pair. */
export async function signInCookie(base: string, token: string): Promise<string> {
  const r = await rawRequest(base, { method: "GET", path: `/?token=${encodeURIComponent(token)}` });
  const pair = r.headers["set-cookie"]?.[0]?.split(";")[0];
  if (r.status !== 303 || !pair) throw new Error(`sign-in link answered ${r.status} without a session cookie`);
  return pair;
}
