"use client";
// Why: the building grid sizes its text to the box the screen gives it, which changes with alarms and the screen size.
import { type RefObject, useEffect, useState } from "react";
import type { Box } from "./grid-plan";

/** The element's content box, the root font size and the element's font family, kept current by a ResizeObserver (null until measured). */
export function useBoxSize(ref: RefObject<HTMLElement | null>): (Box & { family: string }) | null {
  const [box, setBox] = useState<(Box & { family: string }) | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const next = { width: el.clientWidth, height: el.clientHeight, rem, family: getComputedStyle(el).fontFamily };
      setBox((b) => (b && b.width === next.width && b.height === next.height && b.rem === next.rem && b.family === next.family ? b : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}
