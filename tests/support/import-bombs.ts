// Why: the import bombs of issue 15 (a zip bomb, wide rows, many rows, deep XML) are built here, small on the wire and huge once read.
import { crc32, createDeflateRaw } from "node:zlib";

const MiB = 1024 * 1024;

/** A part of the zip: its text, or pieces each repeated (deflated as a stream, never held whole). */
type Part = { name: string; text: string } | { name: string; pieces: { text: string; times: number }[] };

/** A piece repeated `times` times, as chunks of about 1 MiB. */
function* chunks(text: string, times: number): Generator<Buffer> {
  const per = Math.max(1, Math.min(times, Math.floor(MiB / Math.max(1, Buffer.byteLength(text)))));
  const chunk = Buffer.from(text.repeat(per));
  for (let left = times; left > 0; left -= per) yield left >= per ? chunk : Buffer.from(text.repeat(left));
}

/** Deflates a part as a stream, for its compressed bytes, size and CRC. */
async function deflate(part: Part): Promise<{ data: Buffer; size: number; crc: number }> {
  const pieces = "text" in part ? [{ text: part.text, times: 1 }] : part.pieces;
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (d: Buffer) => out.push(d));
  const ended = new Promise((resolve, reject) => deflater.on("end", resolve).on("error", reject));
  let crc = 0;
  let size = 0;
  for (const piece of pieces)
    for (const chunk of chunks(piece.text, piece.times)) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
    }
  deflater.end();
  await ended;
  return { data: Buffer.concat(out), size, crc };
}

/** A zip of `parts`; `lie` declares every part's unpacked size as its packed size (a reader must not trust it). */
export async function zip(parts: Part[], lie = false): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflate(part);
    const name = Buffer.from(part.name);
    const declared = lie ? data.length : size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += local.length + name.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An .xlsx of one sheet whose XML is `head`, then `body` repeated `times` times, then `tail`. */
export function workbook(sheet: { head: string; body: string; times: number; tail: string }, lie = false): Promise<Buffer> {
  const parts: Part[] = [
    {
      name: "[Content_Types].xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="住户" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
  ];
  const pieces = [
    { text: sheet.head, times: 1 },
    { text: sheet.body, times: sheet.times },
    { text: sheet.tail, times: 1 },
  ];
  return zip([...parts, { name: "xl/worksheets/sheet1.xml", pieces }], lie);
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
export { MiB };
