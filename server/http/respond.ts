import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../errors";

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
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("bad_request", 'the request body is empty; send a JSON event or {"events":[…]}');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "the request body is not valid JSON");
  }
}

const tooLarge = () =>
  new AppError("too_large", `the request body is over ${MAX_BODY_BYTES / 1024} KiB; send at most 1,000 events a batch`);
