// Why: TRUST1: a request is the client's to write, down to its bytes; these build raw request lines, paths, headers and cookies.
import { connect } from "node:net";
import fc from "fast-check";

const PATHS = [
  "/",
  "/wall",
  "/console",
  "/people",
  "/api/health",
  "/api/snapshot?community=default",
  "/api/events",
  "/api/registry/import?community=default&kind=households",
  "/socket.io/?EIO=4&transport=polling",
  "/?token=",
  "/_next/static/x.js",
  "/console-sw.js",
];
const ODD = [
  "//",
  "/.//",
  "//x:99999/",
  "http://%zz/",
  "http://",
  "https://x:99999/",
  "%zz",
  "%",
  "%00",
  "%2F%2F",
  "..",
  "/../..",
  "\\\\",
  "?",
  "#",
  "@",
  "*",
  "x:99999",
  "[::1",
  "中文",
  "\u00ff\u00fe",
  "?token=%zz",
  "?lang=%E4",
  "&&==",
];
const oddText = fc.oneof(
  fc.constantFrom(...ODD),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.nat(9000).map((n) => "a".repeat(n)),
);
const target = fc.oneof(
  fc.constantFrom(...PATHS),
  fc.tuple(fc.constantFrom("", ...PATHS), fc.array(oddText, { minLength: 1, maxLength: 4 })).map(([p, parts]) => p + parts.join("")),
  fc.array(oddText, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")),
);
const method = fc.constantFrom("GET", "GET", "POST", "HEAD", "OPTIONS", "DELETE", "PUT", "PATCH", "CONNECT", "get", "G\tET", "FOO", "");
const version = fc.constantFrom("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1x", "", "HTTP/9");

const headerValue = fc.oneof(oddText, fc.constantFrom("", " ", "\t", "null", "undefined", "0", "-1"));
const header = fc.oneof(
  fc.tuple(
    fc.constantFrom("Host"),
    fc.oneof(fc.constantFrom("localhost", "x:99999", "", "[::1", "%zz", "a b", "127.0.0.1:0"), headerValue),
  ),
  fc.tuple(
    fc.constantFrom("Cookie"),
    fc.oneof(
      headerValue.map((v) => `cordon_session=${v}`),
      fc.constantFrom("cordon_session=", 'cordon_session="', "cordon_session=%zz", "a=b; cordon_session=Fe26.2**x*y", ";;;", "="),
      fc.nat(200).map((n) => Array.from({ length: n }, (_, i) => `c${i}=${i}`).join("; ")),
    ),
  ),
  fc.tuple(
    fc.constantFrom("Authorization"),
    fc.oneof(
      headerValue.map((v) => `Bearer ${v}`),
      headerValue,
    ),
  ),
  fc.tuple(
    fc.constantFrom("Origin"),
    fc.oneof(fc.constantFrom("null", "http://%zz", "http://x:99999", "file://", "http://localhost"), headerValue),
  ),
  fc.tuple(
    fc.constantFrom(
      "Content-Type",
      "X-Forwarded-For",
      "X-Forwarded-Proto",
      "Accept-Language",
      "Accept-Encoding",
      "Range",
      "If-None-Match",
      "Referer",
      "User-Agent",
      "Upgrade",
      "Connection",
      "Sec-WebSocket-Key",
      "Sec-WebSocket-Version",
      "RSC",
      "Next-Router-State-Tree",
      "Next-Action",
      "X-Middleware-Subrequest",
    ),
    headerValue,
  ),
  fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), headerValue),
);

export interface RawCase {
  bytes: Buffer;
  what: string;
}

/** A raw request: a request line from odd methods, targets and versions, odd headers, and a body its Content-Length matches. */
export const rawCase: fc.Arbitrary<RawCase> = fc
  .record({
    method,
    target,
    version,
    headers: fc.array(header, { maxLength: 6 }),
    body: fc.option(fc.uint8Array({ maxLength: 200 }), { nil: undefined }),
  })
  .map(({ method, target, version, headers, body }) => {
    const lines = [`${method} ${target}${version ? ` ${version}` : ""}`, ...headers.map(([k, v]) => `${k}: ${v}`)];
    if (!headers.some(([k]) => k === "Host")) lines.splice(1, 0, "Host: 127.0.0.1");
    if (body) lines.push(`Content-Length: ${body.length}`);
    const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
    const bytes = body ? Buffer.concat([head, Buffer.from(body)]) : head;
    return { bytes, what: JSON.stringify(head.toString("latin1").slice(0, 300)) };
  });

/**
 * Sends the bytes on a fresh connection and reads until the status line of an answer arrives.
 * `answered` is that line ("HTTP/1.1 400 Bad Request"); null when the server closed without one
 * or said nothing within `timeoutMs`.
 */
export function sendRaw(port: number, bytes: Buffer, timeoutMs: number): Promise<{ answered: string | null; how: string }> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    let got = "";
    const done = (answered: string | null, how: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ answered, how });
    };
    const timer = setTimeout(() => done(null, `no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on("connect", () => socket.write(bytes));
    socket.on("data", (d: Buffer) => {
      got += d.toString("latin1");
      const eol = got.indexOf("\r\n");
      if (eol >= 0) done(/^HTTP\/1\.[01] \d{3}/.test(got) ? got.slice(0, eol) : null, `first line ${JSON.stringify(got.slice(0, 60))}`);
    });
    socket.on("error", (e) => done(null, `socket error ${e.message}`));
    socket.on("close", () => done(null, `closed without an answer after ${JSON.stringify(got.slice(0, 60))}`));
  });
}
