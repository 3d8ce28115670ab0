// Why: a pass's code changes every 10 minutes (an HMAC over the pass's number and the time window), so a screenshot stops working;
// a printed pass carries a code of its own that lasts as long as the pass (paper cannot change).
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long one code stands; the one before it is still taken, so a code shown is good for 10 to 20 minutes. */
export const PASS_CODE_WINDOW_MS = 10 * 60_000;
const OTP_DIGITS = 6;
/** A printed code's signature is longer: it is good for the pass's whole life, not for one window. */
const PRINT_DIGITS = 8;

/** The key passes are signed with, derived from the server's secret (shared by every node through the database). */
export const passKey = (secret: string): Buffer => createHmac("sha256", secret).update("cordon-pass-v1").digest();

const digitsOf = (key: Buffer, text: string, n: number) => {
  const mac = createHmac("sha256", key).update(text).digest();
  return String(mac.readBigUInt64BE(0) % 10n ** BigInt(n)).padStart(n, "0");
};
const otp = (key: Buffer, passSeq: number, window: number) => {
  const mac = createHmac("sha256", key).update(`${passSeq}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** OTP_DIGITS).padStart(OTP_DIGITS, "0");
};

const windowOf = (ms: number) => Math.floor(ms / PASS_CODE_WINDOW_MS);
const clean = (code: string) => code.replace(/[\s-]/g, "");

/** The code of pass `passSeq` at `now`: its number then six digits that change every window; and when it changes. */
export function passCode(key: Buffer, passSeq: number, now = Date.now()): { code: string; changesAt: string } {
  const w = windowOf(now);
  return { code: `${passSeq}${otp(key, passSeq, w)}`, changesAt: new Date((w + 1) * PASS_CODE_WINDOW_MS).toISOString() };
}

/** The pass number a code names when it is genuine now (this window or the one before); null otherwise. */
export function readPassCode(key: Buffer, code: string, now = Date.now()): number | null {
  const digits = clean(code);
  if (!/^[0-9]{7,22}$/.test(digits)) return null;
  const passSeq = Number(digits.slice(0, -OTP_DIGITS));
  if (!Number.isSafeInteger(passSeq) || passSeq < 1) return null;
  const given = Buffer.from(digits.slice(-OTP_DIGITS));
  const w = windowOf(now);
  for (const window of [w, w - 1]) if (timingSafeEqual(given, Buffer.from(otp(key, passSeq, window)))) return passSeq;
  return null;
}

/**
 * The code printed on paper for someone without a phone: the pass's number then eight digits signed over the number
 * and the pass's `until`. It does not change, so it is good exactly as long as the pass lets its holder out.
 */
export function printedPassCode(key: Buffer, passSeq: number, until: Date): string {
  return `${passSeq}${digitsOf(key, `print:${passSeq}:${until.getTime()}`, PRINT_DIGITS)}`;
}

/** The pass number a code would name if it were a printed one, before its signature is checked against the pass's `until`. */
export function printedPassNumber(code: string): number | null {
  const digits = clean(code);
  if (!/^[0-9]{9,24}$/.test(digits)) return null;
  const passSeq = Number(digits.slice(0, -PRINT_DIGITS));
  return Number.isSafeInteger(passSeq) && passSeq >= 1 ? passSeq : null;
}

/** Whether `code` is the printed code of pass `passSeq` running until `until`. */
export function isPrintedPassCode(key: Buffer, code: string, passSeq: number, until: Date): boolean {
  const given = Buffer.from(clean(code));
  const want = Buffer.from(printedPassCode(key, passSeq, until));
  return given.length === want.length && timingSafeEqual(given, want);
}
