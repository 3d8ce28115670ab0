/**
 * Residents' names and phone numbers as a volunteer's phone shows them: enough to knock on the
 * right door and confirm who answers, not enough to copy out a list of the compound's people.
 */

/** 王小明 → 王**; "Zhang Wei" → "Z**** ***": the first letter stays, every other letter becomes *. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.map((c, i) => (i === 0 || /\s/.test(c) ? c : "*")).join("");
}

/** 13800138000 → *******8000: every digit but the last four becomes *. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "").length;
  let seen = 0;
  return [...phone].map((c) => (/\d/.test(c) ? (++seen > digits - 4 ? c : "*") : c)).join("");
}

/** An 18-character resident ID number (17 digits and a digit or X), not part of a longer run. */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** An 11-digit mainland mobile number, also written 138 0013 8000 or 138-0013-8000, not part of a longer run of digits. */
const MOBILE = /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;

/**
 * Free text a volunteer reads (a request's note, a decision's note): mobile numbers and ID numbers written
 * into it are masked like a registered phone, the last four characters kept; the rest of the text stays.
 */
export function maskFreeText(text: string): string {
  return text.replace(ID_NUMBER, maskTail).replace(MOBILE, maskPhone);
}

/** 11010519491231002X → **************002X. */
const maskTail = (s: string) => "*".repeat(s.length - 4) + s.slice(-4);

export type Masking = "whole" | "masked";
