// Why: the one place the HTTP server is made: HTTPS when given a certificate (phones need it for the offline console), and the headers every answer carries.
import { readFileSync } from "node:fs";
import { createServer as createHttp, type RequestListener, type Server } from "node:http";
import { createServer as createHttps } from "node:https";

/** Only Cordon's own pages may frame Cordon (clickjacking): CSP for today's browsers, X-Frame-Options for old ones. */
export const FRAME_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": "frame-ancestors 'self'",
  "x-frame-options": "SAMEORIGIN",
};

/** A certificate and its key, as file paths (TLS_CERT, TLS_KEY). */
export interface TlsFiles {
  cert: string;
  key: string;
}

function read(file: string, variable: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`${variable}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The server pages, /api and Socket.IO share: HTTPS with `tls`, else plain HTTP; every answer says who may frame it. */
export function createDoor(tls: TlsFiles | null, listener: RequestListener): Server {
  const guarded: RequestListener = (req, res) => {
    for (const [name, value] of Object.entries(FRAME_HEADERS)) res.setHeader(name, value);
    listener(req, res);
  };
  if (!tls) return createHttp(guarded);
  // https.Server is an http.Server for everything Cordon uses of it (listen, address, Socket.IO, close).
  return createHttps({ cert: read(tls.cert, "TLS_CERT"), key: read(tls.key, "TLS_KEY") }, guarded) as unknown as Server;
}
