import { PERSONAL } from "./fixtures";

/** Every personal string the small compound and `personalRequest` register: contact, volunteers, a note, a person. */
export const PERSONAL_STRINGS = [
  PERSONAL.name,
  "Zhang Wei",
  "张伟",
  PERSONAL.phone,
  PERSONAL.note,
  "13900139000",
  "insulin",
  "Li Na",
  "李娜",
  "13700137000",
  "Wang Fang",
  "Chen Jie",
  "陈杰",
];

/** The personal strings found in `text` (JSON-escaped CJK included). */
export function personalIn(text: string): string[] {
  const plain = text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return PERSONAL_STRINGS.filter((s) => plain.includes(s));
}

/** A request carrying every kind of personal field the contract has: a note and a person. */
export const personalRequest = (requestId: string, householdId = "h1", urgent = false) => ({
  type: "request.opened",
  payload: { requestId, householdId, kind: "medicine", urgent, note: PERSONAL.note, person: "Chen Jie 陈杰" },
});
