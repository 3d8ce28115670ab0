// Why: an .xlsx is a zip; its directory is read first and each part unpacked as a stream under a byte cap, so a zip bomb is refused before it fills memory.
import { createInflateRaw } from "node:zlib";
import { ImportFileError } from "./columns";
import { FileTooLargeError, LIMITS, MIB } from "./limits";

/** One part of the zip, as its central directory declares it (declared sizes are checked, never trusted). */
export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const CHUNK = 64 * 1024;
const unreadable = (detail: string) => new ImportFileError(1, "xlsx_unreadable", { detail });

/** Sizes and offset past 4 GiB sit in the ZIP64 extra field (id 1), in this order, for the ones marked 0xffffffff. */
function zip64(view: DataView, at: number, end: number, entry: ZipEntry): void {
  for (let p = at; p + 4 <= end; ) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      for (const key of ["size", "compressed", "offset"] as const) {
        if (entry[key] !== 0xffffffff || q + 8 > p + 4 + len) continue;
        entry[key] = Number(view.getBigUint64(q, true));
        q += 8;
      }
      return;
    }
    p += 4 + len;
  }
}

/** The zip's parts by name, from its central directory; throws when there is none or it is out of bounds. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--)
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  if (eocd < 0) throw unreadable("no zip directory (the file is cut short?)");
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (count > LIMITS.zipEntries) throw unreadable(`more than ${LIMITS.zipEntries} parts`);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  for (let i = 0, p = start; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw unreadable("a broken zip directory");
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    };
    zip64(view, p + 46 + nameLen, p + 46 + nameLen + extraLen, entry);
    if (view.getUint16(p + 8, true) & 1) throw unreadable("the workbook is encrypted");
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    p += 46 + nameLen + extraLen + view.getUint16(p + 32, true);
  }
  return entries;
}

/** What the parts read so far have unpacked to: each part and all of them are capped (LIMITS). */
export class Budget {
  private used = 0;
  /** Counts `n` more bytes of a part that has unpacked `part` bytes so far. */
  take(n: number, part: number): void {
    this.used += n;
    if (part > LIMITS.partBytes) throw new FileTooLargeError(1, "xlsx_too_large", { mib: LIMITS.partBytes / MIB });
    if (this.used > LIMITS.inflatedBytes) throw new FileTooLargeError(1, "xlsx_too_large", { mib: LIMITS.inflatedBytes / MIB });
  }
}

/** A part's bytes as they unpack, in slices of at most 64 KiB, stopped (413) as soon as it passes a cap. */
export async function* unpack(bytes: Uint8Array, entry: ZipEntry, budget: Budget): AsyncGenerator<Buffer> {
  if (entry.size > LIMITS.partBytes) throw new FileTooLargeError(1, "xlsx_too_large", { mib: LIMITS.partBytes / MIB });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw unreadable(`a broken part (${entry.name})`);
  const begin = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (begin + entry.compressed > bytes.length) throw unreadable(`a part cut short (${entry.name})`);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + begin, entry.compressed);
  let part = 0;
  if (entry.method === 0) {
    for (let p = 0; p < data.length; p += CHUNK) {
      const slice = data.subarray(p, p + CHUNK);
      part += slice.length;
      budget.take(slice.length, part);
      yield slice;
    }
    return;
  }
  if (entry.method !== 8) throw unreadable(`an unknown compression (${entry.method}) in ${entry.name}`);
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      part += chunk.length;
      budget.take(chunk.length, part);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw unreadable(`${entry.name}: ${(err as Error).message}`);
  } finally {
    inflater.destroy();
  }
}
