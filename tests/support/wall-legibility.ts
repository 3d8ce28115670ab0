// Why: what "legible across the room" means, measured in the page: text sizes, WCAG contrast, and the grid's boxes.
import type { Page } from "playwright-core";

/** A demo-like compound grown to `to` buildings (labels 1号楼 …), each with a few households, some tested. */
export function buildingsFrom(from: number, to: number, roundId = "r1") {
  const out: object[] = [];
  for (let b = from; b <= to; b++) {
    out.push({ type: "building.registered", payload: { buildingId: `b${b}`, label: `${b}号楼` } });
    const units = 3 + (b % 4);
    for (let u = 1; u <= units; u++) {
      const householdId = `h${b}-${u}`;
      out.push({ type: "household.registered", payload: { householdId, buildingId: `b${b}`, unit: `${u}01`, residents: 2 } });
      // Every share from 0% to 100% appears, 100% (the widest) among them.
      if (u <= b % (units + 1)) out.push({ type: "household.tested", payload: { roundId, householdId } });
    }
  }
  return out;
}

export type Box = { left: number; top: number; right: number; bottom: number };
export type TextFinding = { text: string; fontPx: number; ratio: number; color: string; background: string };
export type TileFinding = {
  id: string;
  label: string;
  tile: Box;
  labelBox: Box;
  shareBox: Box;
  labelClipped: boolean;
  shareClipped: boolean;
  fontPx: number;
};

/**
 * Every visible text node in the page: its size in CSS px (an SVG text's scaled by its transform) and the WCAG
 * contrast of its colour (with opacity) over the backgrounds behind it, composited up to the first opaque one.
 * Colours are read back through a canvas, so any CSS colour syntax (oklch included) is converted the browser's way.
 */
export function auditText(page: Page): Promise<TextFinding[]> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
    type Rgba = [number, number, number, number];
    const rgba = (css: string): Rgba => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#000";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, (d[3] ?? 0) / 255];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
    };
    const luminance = (c: Rgba) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    };
    const opacityOf = (el: Element | null) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] === 0) continue;
        layers.push(c);
        if (c[3] >= 1) break;
      }
      let bg: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) bg = over(layer, bg);
      return bg;
    };
    const out: { text: string; fontPx: number; ratio: number; color: string; background: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      const el = node.parentElement;
      if (!text || !el || el.closest("script, style, noscript, template, title")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      const style = getComputedStyle(el);
      const opacity = opacityOf(el);
      if (r.width < 2 || r.height < 2 || style.visibility !== "visible" || opacity === 0) continue;
      if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) continue;
      const svg = el instanceof SVGGraphicsElement ? el : null;
      const scale = svg ? Math.hypot(svg.getScreenCTM()?.a ?? 1, svg.getScreenCTM()?.b ?? 0) : 1;
      const paint = svg && style.fill.startsWith("url") === false && style.fill !== "none" ? style.fill : style.color;
      const ink = rgba(paint);
      const bg = backgroundOf(el);
      const fg = over([ink[0], ink[1], ink[2], ink[3] * opacity], bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      out.push({
        text: text.slice(0, 40),
        fontPx: Math.round(Number.parseFloat(style.fontSize) * scale * 10) / 10,
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
        color: `rgb(${fg.slice(0, 3).map(Math.round).join(",")})`,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(",")})`,
      });
    }
    return out;
  });
}

/** The grid, its tiles, the boxes of each label and share (line boxes: the share is an inline-block), and whether either is clipped. */
export function auditGrid(page: Page): Promise<{ grid: Box; viewport: Box; tiles: TileFinding[] }> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const grid = document.querySelector("[data-grid]") as HTMLElement;
    const tiles = [...document.querySelectorAll<HTMLElement>("[data-building]")].map((t) => {
      const label = t.querySelector<HTMLElement>("[data-label]");
      const share = t.querySelector<HTMLElement>("[data-tested-share]");
      const row = share?.parentElement;
      return {
        id: t.dataset.building ?? "",
        label: label?.textContent ?? "",
        tile: box(t.getBoundingClientRect()),
        labelBox: box((label ?? t).getBoundingClientRect()),
        shareBox: box((share ?? t).getBoundingClientRect()),
        labelClipped: !label || label.scrollWidth > label.clientWidth,
        shareClipped: !row || row.scrollWidth > row.clientWidth,
        fontPx: Number.parseFloat(getComputedStyle(label ?? t).fontSize),
      };
    });
    return { grid: box(grid.getBoundingClientRect()), viewport: { left: 0, top: 0, right: innerWidth, bottom: innerHeight }, tiles };
  });
}

const EPS = 0.5;
export const inside = (a: Box, b: Box) =>
  a.left >= b.left - EPS && a.top >= b.top - EPS && a.right <= b.right + EPS && a.bottom <= b.bottom + EPS;
export const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > EPS && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > EPS;

/** Everything wrong with the grid, one line per problem (empty when legible). */
export function gridProblems(g: Awaited<ReturnType<typeof auditGrid>>, minPx: number): string[] {
  const out: string[] = [];
  if (!inside(g.grid, g.viewport)) out.push(`the grid ${JSON.stringify(g.grid)} leaves the screen`);
  for (const t of g.tiles) {
    const where = `${t.id} (${t.label})`;
    if (t.fontPx < minPx) out.push(`${where}: text ${t.fontPx} px`);
    if (t.labelClipped) out.push(`${where}: label clipped`);
    if (t.shareClipped) out.push(`${where}: share clipped`);
    if (!inside(t.tile, g.grid)) out.push(`${where}: tile outside the grid`);
    if (!inside(t.labelBox, t.tile)) out.push(`${where}: label outside its tile`);
    if (!inside(t.shareBox, t.tile)) out.push(`${where}: share outside its tile`);
    if (overlaps(t.labelBox, t.shareBox)) out.push(`${where}: label overlaps its share`);
    for (const o of g.tiles)
      if (o !== t && (overlaps(t.labelBox, o.tile) || overlaps(t.tile, o.tile))) out.push(`${where}: overlaps ${o.id}`);
  }
  return out;
}
