// Why: a registry file is a body of up to 10 MiB, raw (CSV, .xlsx) or inside JSON for the session cookie's pages.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { AppError, fail } from "../errors";
import { zodIssues } from "../zod-issues";

/** The largest registry file taken: far above any compound's (5,000 households are ~250 KiB of CSV). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The same file as base64 inside JSON, with room for the envelope. */
const MAX_JSON_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 64 * 1024;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

const tooLarge = () => fail("too_large", "file_too_large", { mib: MAX_FILE_BYTES / 1024 / 1024 });

async function readAll(req: IncomingMessage, max: number): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `{"file":"<base64>"}`: how a page signed in by the session cookie sends a file (cookie writes must be JSON). */
const Envelope = z.strictObject({ file: z.base64("file must be the file's bytes in base64"), name: z.string().max(255).optional() });
/** The same with `file` any string: its base64 is checked a slice at a time (a 13 MiB regex holds the event loop). */
const Loose = Envelope.extend({ file: z.string() });
const SLICE = 1024 * 1024;

/** Whether `text` is base64 as zod says, checked in 1 MiB slices with the event loop let run between them. */
async function isBase64(text: string): Promise<boolean> {
  for (let at = 0; at < text.length; at += SLICE) {
    const slice = text.slice(at, at + SLICE);
    const last = at + SLICE >= text.length;
    if (!Envelope.shape.file.safeParse(slice).success || (!last && slice.includes("="))) return false;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

/**
 * The file's bytes: the body itself (`text/csv`, the .xlsx type, or anything but JSON and forms), or the base64
 * `file` of a JSON body. 413 beyond MAX_FILE_BYTES, 400 when empty.
 */
export async function readFileBody(req: IncomingMessage): Promise<Uint8Array> {
  const type = String(req.headers["content-type"] ?? "");
  if (/^multipart\/|^application\/x-www-form-urlencoded/i.test(type)) throw fail("bad_request", "file_sent_as_form");
  const json = JSON_TYPE.test(type);
  const body = await readAll(req, json ? MAX_JSON_BYTES : MAX_FILE_BYTES);
  let bytes: Uint8Array = body;
  if (json) {
    let value: unknown;
    try {
      value = JSON.parse(body.toString("utf8"));
    } catch {
      throw fail("bad_request", "file_not_json");
    }
    const r = Loose.safeParse(value);
    const invalid = (issues: z.core.$ZodIssue[]) => new AppError("validation", "file_envelope_invalid", {}, { issues: zodIssues(issues) });
    if (!r.success) throw invalid(r.error.issues);
    // The issue zod gives a bad base64 `file`, so the answer is the same as when zod checked it whole.
    if (!(await isBase64(r.data.file))) throw invalid(Envelope.safeParse({ file: "!" }).error?.issues ?? []);
    bytes = Buffer.from(r.data.file, "base64");
    if (bytes.length > MAX_FILE_BYTES) throw tooLarge();
  }
  if (bytes.length === 0) throw fail("bad_request", "file_body_empty");
  return bytes;
}
