"use client";
// Why: chart margins must grow with the text on a screen that scales its rem (16 px at 1080p, 32 px at 4K).
import { useEffect, useState } from "react";

/** The root font size in px, kept current across window resizes. */
export function useRootRem(): number {
  const [rem, setRem] = useState(16);
  useEffect(() => {
    const read = () => setRem(Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
    read();
    window.addEventListener("resize", read);
    return () => window.removeEventListener("resize", read);
  }, []);
  return rem;
}
