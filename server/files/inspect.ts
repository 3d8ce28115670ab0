// Why: a document's type is judged from its bytes, and a picture is re-encoded upright without metadata before anyone sees it.
import sharp from "sharp";
import { fail } from "../errors";

/** The types taken: what the first bytes say. */
export type Sniffed = "jpeg" | "png" | "webp" | "heic" | "pdf";
const TYPE_NAME: Record<Sniffed, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP", heic: "HEIC", pdf: "PDF" };
/** HEIF brands of a still photo (an iPhone's HEIC says heic or mif1). */
const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** A phone's camera is at most ~50 megapixels; a bigger picture is refused before it is decoded (a decompression bomb). */
export const MAX_MEGAPIXELS = 60;
/** The thumbnail's longest side, in pixels (contract section 7). */
export const THUMB_PX = 320;
/** Re-encoded pictures keep at most this many pixels on their longest side: a letter stays legible, the database stays small. */
const MAX_SIDE_PX = 3000;

export function sniff(b: Uint8Array): Sniffed | null {
  const ascii = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString("latin1");
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(8, 12))) return "heic";
  if (ascii(0, 5) === "%PDF-") return "pdf";
  return null;
}

/** What is stored and served: the bytes, their type, and for a picture its thumbnail. */
export interface Prepared {
  contentType: string;
  data: Buffer;
  thumb: Buffer | null;
}

/** Names (as PDF tokens) of what can run or open something when a PDF is opened. */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|EmbeddedFiles|OpenAction|AA|RichMedia|XFA|SubmitForm|ImportData|GoToR)\b/;

function checkPdf(b: Uint8Array): Prepared {
  const text = Buffer.from(b).toString("latin1");
  if (!text.slice(-1024).includes("%%EOF")) throw fail("unsupported_type", "file_not_what_it_claims", { type: "PDF" });
  // A name may hide a letter as #xx (/J#61vaScript): decode those before looking.
  const names = text.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  if (PDF_ACTIVE.test(names)) throw fail("unsupported_type", "pdf_has_script");
  return { contentType: "application/pdf", data: Buffer.from(b), thumb: null };
}

/**
 * Checks the bytes and prepares what is stored: a picture decoded in full (a truncated or damaged one is refused),
 * turned upright by its EXIF orientation, re-encoded without any metadata, with a thumbnail; a PDF as sent, when it
 * holds no script or action. 415 for anything else, 413 for a picture past MAX_MEGAPIXELS.
 */
export async function prepareFile(b: Uint8Array): Promise<Prepared> {
  const type = sniff(b);
  if (!type) throw fail("unsupported_type", "file_type_unsupported");
  if (type === "pdf") return checkPdf(b);
  const input = () => sharp(b, { limitInputPixels: MAX_MEGAPIXELS * 1_000_000, failOn: "error", sequentialRead: true });
  let meta: sharp.Metadata;
  try {
    meta = await input().metadata();
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) throw fail("too_large", "picture_too_many_pixels", { megapixels: MAX_MEGAPIXELS });
    throw fail("unsupported_type", type === "heic" ? "heic_not_decodable" : "file_not_what_it_claims", { type: TYPE_NAME[type] });
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_MEGAPIXELS * 1_000_000)
    throw fail("too_large", "picture_too_many_pixels", { megapixels: MAX_MEGAPIXELS });
  const expected = type === "heic" ? "heif" : type;
  if (meta.format !== expected) throw fail("unsupported_type", "file_not_what_it_claims", { type: TYPE_NAME[type] });
  // PNG and WebP keep their format; a HEIC (which few browsers show) becomes a JPEG.
  const encode = (s: sharp.Sharp) => (type === "png" ? s.png() : type === "webp" ? s.webp({ quality: 85 }) : s.jpeg({ quality: 85 }));
  const contentType = type === "png" ? "image/png" : type === "webp" ? "image/webp" : "image/jpeg";
  try {
    // rotate() before resizing: the pixels are turned upright, and no metadata (orientation included) is written.
    const upright = input().rotate();
    const data = await encode(upright.clone().resize(MAX_SIDE_PX, MAX_SIDE_PX, { fit: "inside", withoutEnlargement: true })).toBuffer();
    const thumb = await encode(upright.clone().resize(THUMB_PX, THUMB_PX, { fit: "inside", withoutEnlargement: true })).toBuffer();
    return { contentType, data, thumb };
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) throw fail("too_large", "picture_too_many_pixels", { megapixels: MAX_MEGAPIXELS });
    throw fail("unsupported_type", type === "heic" ? "heic_not_decodable" : "file_not_what_it_claims", { type: TYPE_NAME[type] });
  }
}
