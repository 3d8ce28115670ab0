// Why: the documents a phone sends, good and bad, built in the test (a camera's EXIF, a cut-short JPEG, a decompression bomb).
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

export const GPS_LATITUDE = "31/1 14/1 2/1";
export const SERIAL = "SN-CAMERA-0451-7731";

/**
 * A 400×200 photo as a phone stores it sideways: left half red, right half blue, EXIF orientation 6 (turn 90° clockwise
 * to show), a GPS position and the camera's serial number.
 */
export async function cameraJpeg(): Promise<Buffer> {
  const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: "#0000ff" } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "Cordon Test Camera", Model: "Phone 9", Software: "camera 1.0" },
      IFD2: { BodySerialNumber: SERIAL },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: GPS_LATITUDE, GPSLongitudeRef: "E", GPSLongitude: "121/1 28/1 0/1" },
    } as never)
    .toBuffer();
}

/** A small picture of one colour: a different colour is a different file. */
export const plainPng = (rgb: [number, number, number], size = 8) =>
  sharp({ create: { width: size, height: size, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A 20,000 × 20,000 PNG of one colour in ~50 KB: 400 million pixels once decoded. */
export function bombPng(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // one bit a pixel, greyscale
  const raw = Buffer.alloc(side * (1 + side / 8));
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An iPhone-style HEIC (brand heic, HEVC-coded item): the AVIF container sharp writes, relabelled as HEVC. */
export async function hevcHeic(): Promise<Buffer> {
  const avif = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#808080" } })
    .avif()
    .toBuffer();
  const text = avif.toString("latin1").replace("ftypavif", "ftypheic").replaceAll("av01", "hvc1").replaceAll("av1C", "hvcC");
  return Buffer.from(text, "latin1");
}

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");
export const plainPdf = () => pdf("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj");
export const scriptPdf = () =>
  pdf("1 0 obj << /Type /Catalog /OpenAction 3 0 R >> endobj\n3 0 obj << /S /JavaScript /JS (app.alert('x')) >> endobj");
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
