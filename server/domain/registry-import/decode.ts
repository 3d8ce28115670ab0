// Why: Excel and WPS on Chinese Windows save CSV as GBK, elsewhere as UTF-8 (often with a BOM); read either without asking.
import chardet from "chardet";
import iconv from "iconv-lite";

/** GBK's superset: what a GBK (or GB2312) file is read as. */
const CHINESE = "gb18030";

function fromBom(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
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
 * Decodes a text file: a BOM decides; else bytes that are valid UTF-8 are UTF-8; else the first of chardet's
 * guesses whose text `fits` (its header names the columns), or its best guess when none does.
 */
export function decodeText(bytes: Uint8Array, fits: (text: string) => boolean): { text: string; encoding: string } {
  const bom = fromBom(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding), encoding: bom.encoding };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  const names = candidates(bytes.subarray(0, 64 * 1024));
  const buffer = Buffer.from(bytes);
  for (const encoding of names) {
    const text = iconv.decode(buffer, encoding);
    if (fits(text)) return { text, encoding };
  }
  const best = names[0] ?? CHINESE;
  return { text: iconv.decode(buffer, best), encoding: best };
}
