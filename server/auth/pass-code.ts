// Why: a pass's code changes every 10 minutes (an HMAC over the pass's number and the time window), so a screenshot stops working.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long one code stands; the one before it is still taken, so a code shown is good for 10 to 20 minutes. */
export const PASS_CODE_WINDOW_MS = 10 * 60_000;
const OTP_DIGITS = 6;

/** The key passes are signed with, derived from the server's secret (shared by every node through the database). */
export const passKey = (secret: string): Buffer => createHmac("sha256", secret).update("cordon-pass-v1").digest();

const otp = (key: Buffer, passSeq: number, window: number) => {
  const mac = createHmac("sha256", key).update(`${passSeq}:${window}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** OTP_DIGITS).padStart(OTP_DIGITS, "0");
};

const windowOf = (ms: number) => Math.floor(ms / PASS_CODE_WINDOW_MS);

/** The code of pass `passSeq` at `now`: its number then six digits that change every window; and when it changes. */
export function passCode(key: Buffer, passSeq: number, now = Date.now()): { code: string; changesAt: string } {
  const w = windowOf(now);
  return { code: `${passSeq}${otp(key, passSeq, w)}`, changesAt: new Date((w + 1) * PASS_CODE_WINDOW_MS).toISOString() };
}

/** The pass number a code names when it is genuine now (this window or the one before); null otherwise. */
export function readPassCode(key: Buffer, code: string, now = Date.now()): number | null {
  const digits = code.replace(/[\s-]/g, "");
  if (!/^[0-9]{7,22}$/.test(digits)) return null;
  const passSeq = Number(digits.slice(0, -OTP_DIGITS));
  if (!Number.isSafeInteger(passSeq) || passSeq < 1) return null;
  const given = Buffer.from(digits.slice(-OTP_DIGITS));
  const w = windowOf(now);
  for (const window of [w, w - 1]) if (timingSafeEqual(given, Buffer.from(otp(key, passSeq, window)))) return passSeq;
  return null;
}
