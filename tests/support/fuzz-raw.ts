// Why: bodies that are not JSON at all, or JSON of the wrong size, shape, encoding or content type, for POST /api/events.
import fc from "fast-check";
import { type Body, brokenBody, serialize } from "./fuzz-bodies";
import { TEMPLATES } from "./fuzz-templates";
import { oddString } from "./fuzz-values";

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const validText = fc.nat(TEMPLATES.length - 1).map((i) => serialize(TEMPLATES[i]!.event));

/** Text that does not parse as JSON: random text, cut-off events, trailing garbage, JavaScript-isms, a BOM before garbage. */
const notJsonText = fc
  .oneof(
    oddString,
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.tuple(validText, fc.nat()).map(([t, n]) => t.slice(0, n % t.length)),
    fc.tuple(validText, fc.constantFrom("x", "}", ",", "]", "\u0000", "/* */")).map(([t, tail]) => t + tail),
    validText.map((t) => t.replaceAll('"', "'")),
    fc.constantFrom("{type:", "{'type':'x'}", "{,}", "[1,]", "NaN", "undefined", '{"a":1,}', "\ufeff{", "\u0000", "\\u0000"),
  )
  .filter((t) => t.trim() !== "" && !isJson(t));

/** Bytes, most of them not UTF-8 and not JSON. */
const bytes = fc.uint8Array({ minLength: 1, maxLength: 300 });

/** FUZZ2: not JSON (text or bytes), or nothing at all: a 400. */
export const notJsonBody: fc.Arbitrary<Body> = fc.oneof(
  notJsonText.map((t) => ({ what: `text ${JSON.stringify(t).slice(0, 80)}`, data: t, contentType: "application/json", expect: [400] })),
  bytes.map((b) => ({
    what: `bytes ${Buffer.from(b).toString("hex").slice(0, 80)}`,
    data: b,
    contentType: "application/json",
    expect: [400],
  })),
  fc
    .constantFrom("", " ", "\n\t ")
    .map((t) => ({ what: `blank ${JSON.stringify(t)}`, data: t, contentType: "application/json", expect: [400] })),
);

const CONTENT_TYPES = [
  null,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/xml",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "*/*",
  "application/json, text/plain",
  "application/jsonx",
  "",
];

/** FUZZ2: a malformed body under another content type, or none; the contract allows 400, 413 or 415. */
export const wrongTypeBody: fc.Arbitrary<Body> = fc
  .tuple(
    fc.oneof(
      notJsonBody,
      brokenBody,
      fc.constant({ what: "form", data: "type=building.sealed&payload[buildingId]=b1", contentType: "", expect: [400] } as Body),
    ),
    fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.stringMatching(/^[a-z]{1,10}\/[a-z+.-]{1,20}$/)),
  )
  .map(([b, contentType]) => ({ ...b, what: `${contentType ?? "no content type"}: ${b.what}`, contentType, expect: [400, 413, 415] }));

/** FUZZ2: over 1 MiB (413), or nested far deeper than any event (400). */
export const hugeBody: fc.Arbitrary<Body> = fc.oneof(
  fc.integer({ min: 1_048_577, max: 1_300_000 }).map((n) => ({
    what: `a label of ${n} characters`,
    data: serialize({ type: "building.registered", payload: { buildingId: "b9", label: "x".repeat(n) } }),
    contentType: "application/json",
    expect: [413],
  })),
  fc
    .integer({ min: 1_048_577, max: 1_200_000 })
    .map((n) => ({ what: `${n} bytes of garbage`, data: "{".repeat(n), contentType: "application/json", expect: [413] })),
  fc.integer({ min: 1200, max: 2000 }).map((pad) => ({
    what: `1,000 events of ${pad} bytes each`,
    data: serialize({
      events: Array.from({ length: 1000 }, () => ({ type: "building.sealed", payload: { buildingId: "b1", reason: "r".repeat(pad) } })),
    }),
    contentType: "application/json",
    expect: [413],
  })),
  fc.integer({ min: 10_000, max: 400_000 }).map((d) => ({
    what: `arrays nested ${d} deep`,
    data: `{"type":"building.sealed","payload":${"[".repeat(d)}${"]".repeat(d)}}`,
    contentType: "application/json",
    expect: [400],
  })),
  fc.integer({ min: 10_000, max: 150_000 }).map((d) => ({
    what: `objects nested ${d} deep`,
    data: `${'{"a":'.repeat(d)}1${"}".repeat(d)}`,
    contentType: "application/json",
    expect: [400],
  })),
);

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms (of NUL too), encoded surrogates, cut-off sequences. */
const INVALID_UTF8 = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xe4, 0xb8],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

/** FUZZ2: an otherwise valid building.registered whose label holds bytes that are not UTF-8: a 400, never a label of U+FFFD. */
export const invalidUtf8Body: fc.Arbitrary<Body> = fc.tuple(fc.constantFrom(...INVALID_UTF8), fc.nat(20)).map(([bad, n]) => {
  const [head, tail] = serialize({ type: "building.registered", payload: { buildingId: `b-utf8-${n}`, label: "Building@" } }).split(
    "@",
  ) as [string, string];
  return {
    what: `label bytes ${Buffer.from(bad).toString("hex")}`,
    data: concat(utf8(head), new Uint8Array(bad), utf8(tail)),
    contentType: "application/json",
    expect: [400],
  };
});

const SEGMENTS = [
  "events",
  "snapshot",
  "tokens",
  "registry",
  "requests",
  "wall",
  "health",
  "session",
  "untested",
  "history",
  "reports",
  "daily",
  "import",
];
const oddSegment = fc.oneof(
  fc.constantFrom(...SEGMENTS),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%80", "%ED%A0%80", "%00", "%ff", "%2e%2e", "..", "%2F", "%u0041", "%%", "%E4%B8"),
  oddString.map((x) => `${encodeURIComponent(x.replace(/[\ud800-\udfff]/g, ""))}%`),
);
const oddQuery = fc.oneof(
  fc.constant(""),
  fc.constantFrom(
    "?community=%",
    "?community=%zz",
    "?after=%E0%A4%A",
    "?after=-1",
    "?limit=1e400",
    "?after=1.5",
    "?community=a%00b",
    "?kind=%ff",
    "?date=0000-00-00",
  ),
);

const badEscape = fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%80", "%ED%A0%80", "%ff", "%u0041", "%%", "%E4%B8", "a%", "%0");

/** FUZZ2: a method and an /api/ path with malformed percent escapes (some in a route's parameter); the body is empty. */
export const oddRequest = fc.oneof(
  fc.record({ method: fc.constantFrom("DELETE", "GET"), path: badEscape.map((x) => `/api/tokens/${x}`) }),
  fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
    path: fc
      .tuple(fc.array(oddSegment, { minLength: 1, maxLength: 3 }), oddQuery)
      .map(([segs, q]) => `/api/${segs.join("/")}${q}`)
      // A client resolves dot segments before sending: keep the paths that still reach /api/.
      .filter((p) => new URL(p, "http://x").pathname.startsWith("/api/")),
  }),
);
