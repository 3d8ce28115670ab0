// One set of QR options for the page and for the test that checks what the page shows.
import type { QRCodeToStringOptions } from "qrcode";

/** Level M survives a crease or a smudge on a printed card; a one-module quiet zone is enough on white paper. */
export const QR_OPTIONS: QRCodeToStringOptions = { type: "svg", errorCorrectionLevel: "M", margin: 1 };
