import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { AppError, fail } from "../errors";
import type { Params } from "../protocol/reasons";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** sendJson gzipped when the client takes gzip: for large, repetitive answers (the wall's chart pictures, ~40 KB → ~6 KB). */
export function sendJsonGzip(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  if (!/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    sendJson(res, status, body, { vary: "accept-encoding" });
    return;
  }
  const zipped = gzipSync(JSON.stringify(body));
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-encoding": "gzip",
    vary: "accept-encoding",
    "content-length": zipped.length,
  });
  res.end(zipped);
}

export function sendError(res: ServerResponse, err: AppError, headers: Record<string, string> = {}): void {
  sendJson(res, err.status, err.toJSON(), headers);
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most MAX_BODY_BYTES; 413 beyond, 400 when it is not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  let text: string;
  try {
    text = UTF8.decode(Buffer.concat(chunks));
  } catch {
    throw fail("bad_request", "body_not_utf8");
  }
  if (!text.trim()) throw fail("bad_request", "body_empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail("bad_request", "body_not_json");
  }
  const bad = findUnstorable(value);
  if (bad) {
    const batch = bad.path.match(/^events\.(\d+)(?:\.(.*))?$/s);
    const path = batch ? `events[${batch[1]}]${batch[2] ? `.${batch[2]}` : ""}` : bad.path;
    const params: Params = { path, ...bad.params };
    throw new AppError("validation", bad.reason, params, {
      message: `${batch ? `event ${batch[1]}: ` : ""}${path || "body"}: ${bad.message}`,
      issues: [{ path, message: bad.message, reason: bad.reason, params }],
    });
  }
  return value;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** No event nests deeper than this; deeper bodies are refused before anything walks them. */
const MAX_DEPTH = 32;
/** In a u-flag regex a surrogate pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * What PostgreSQL cannot store or the schema never needs: a NUL character or a lone surrogate in
 * a string or key, or nesting past MAX_DEPTH. Walked with a stack, so no body can exhaust ours.
 */
type Unstorable = { path: string; message: string; reason: "nul_character" | "lone_surrogate" | "too_deep"; params: Params };

function findUnstorable(root: unknown): Unstorable | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  const badText = (s: string) =>
    s.includes("\u0000")
      ? ({ reason: "nul_character", message: "contains the NUL character (\\u0000); remove it" } as const)
      : LONE_SURROGATE.test(s)
        ? ({ reason: "lone_surrogate", message: "contains a lone surrogate (not valid Unicode)" } as const)
        : null;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === "string") {
      const m = badText(value);
      if (m) return { path, ...m, params: {} };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_DEPTH)
      return { path, message: `is nested more than ${MAX_DEPTH} levels deep`, reason: "too_deep", params: { depth: MAX_DEPTH } };
    for (const [key, v] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      const m = badText(key);
      if (m) return { path: here, reason: m.reason, message: `key ${m.message}`, params: { key: true } };
      stack.push({ value: v, path: here, depth: depth + 1 });
    }
  }
  return null;
}

const tooLarge = () => fail("too_large", "body_too_large", { kib: MAX_BODY_BYTES / 1024 });
