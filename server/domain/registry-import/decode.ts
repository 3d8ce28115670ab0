// Why: Excel and WPS on Chinese Windows save CSV as GBK, elsewhere as UTF-8 (often with a BOM); read either without asking.
import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";

/** GBK's superset: what a GBK (or GB2312) file is read as. */
const CHINESE = "gb18030";
/** How much of the file decides its encoding (the header and the first rows), and the slice decoded (and parsed) at a time: a millisecond or two of work. */
const PREFIX = 64 * 1024;
const SLICE = 16 * 1024;

/** A text encoding and the bytes of its BOM to skip. */
export interface Encoding {
  encoding: string;
  skip: number;
}

function fromBom(bytes: Uint8Array): Encoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return null;
}

/** chardet's guesses that iconv-lite can read, best first; GB18030 wins ties and is always among them. */
function candidates(bytes: Uint8Array): string[] {
  const guesses = chardet
    .analyse(bytes)
    .map((m) => ({ name: m.name.toLowerCase(), confidence: m.confidence }))
    .filter((m) => !m.name.startsWith("utf-8") && iconv.encodingExists(m.name));
  const rank = (name: string) => (name === CHINESE ? 1 : 0);
  guesses.sort((a, b) => b.confidence - a.confidence || rank(b.name) - rank(a.name));
  const names = guesses.map((g) => g.name);
  return names.includes(CHINESE) ? names : [...names, CHINESE];
}

/**
 * A text file's encoding: a BOM decides; else bytes that are valid UTF-8 are UTF-8; else the first of chardet's
 * guesses whose text `fits` (its header names the columns), or its best guess when none does. Only the file's
 * first 64 KiB are decoded to decide.
 */
export function chooseEncoding(bytes: Uint8Array, fits: (text: string) => boolean): Encoding {
  const bom = fromBom(bytes);
  if (bom) return bom;
  if (isUtf8(bytes)) return { encoding: "utf-8", skip: 0 };
  const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PREFIX));
  const names = candidates(prefix);
  const found = names.find((encoding) => fits(iconv.decode(prefix, encoding)));
  return { encoding: found ?? names[0] ?? CHINESE, skip: 0 };
}

/** The first 64 KiB of the text (a character cut at the end may be lost): enough to find the header. */
export function decodePrefix(bytes: Uint8Array, { encoding, skip }: Encoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + skip, Math.min(bytes.length - skip, PREFIX)), encoding);
}

/** The text in slices of 16 KiB, so a long file is read a slice at a time (a character cut between slices is kept whole). */
export function* decodeSlices(bytes: Uint8Array, { encoding, skip }: Encoding): Generator<string> {
  const decoder = iconv.getDecoder(encoding);
  for (let at = skip; at < bytes.length; at += SLICE) {
    const text = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(SLICE, bytes.length - at)));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
