// Reads the dark modules back out of a QR code's SVG as the qrcode package draws it (horizontal runs on a module grid).
import QRCode from "qrcode";
import { QR_OPTIONS } from "../../app/people/qr";

/** The module grid drawn by an SVG of `<path d="M… h… m…">` runs, without its quiet zone: 1 dark, 0 light, row by row. */
export function modulesOfSvg(viewBox: string, d: string, size: number): number[] {
  const side = Number(viewBox.split(/\s+/)[2]);
  const margin = (side - size) / 2;
  const grid = new Array<number>(size * size).fill(0);
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MmHh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === "M") [x, y] = [n, Number(b)];
    else if (cmd === "m") [x, y] = [x + n, y + Number(b ?? 0)];
    else {
      const to = cmd === "h" ? x + n : n;
      const row = Math.floor(y) - margin;
      for (let col = x; col < to; col++) grid[row * size + (col - margin)] = 1;
      x = to;
    }
  }
  return grid;
}

/** The module grid the qrcode package encodes for `text` with the page's error correction level. */
export function modulesOfText(text: string): { size: number; data: number[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  return { size: modules.size, data: Array.from(modules.data, (v) => (v ? 1 : 0)) };
}
