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

export type Masking = "whole" | "masked";
