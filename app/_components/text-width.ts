"use client";
// Why: the grid plans its tiles from the real width of its labels in the wall's font, measured once per text and font.

let ctx: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/** A rough width in em when nothing can be measured (the server's render): CJK is square, Latin about half. */
export function estimateEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\uffef]/u.test(ch) ? 1 : /[A-Z%MWmw]/.test(ch) ? 0.75 : ch === " " ? 0.28 : 0.6;
  return em;
}

/** The width of `text` in em for the CSS `font` shorthand prefix `font` (e.g. "600 100px Noto Sans CJK SC"). */
export function textEm(text: string, weight: number, family: string): number {
  const key = `${weight}|${family}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (ctx === undefined) ctx = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!ctx) return estimateEm(text);
  ctx.font = `${weight} 100px ${family}`;
  const em = ctx.measureText(text).width / 100;
  cache.set(key, em);
  return em;
}
