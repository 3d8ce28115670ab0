import type { ReactNode } from "react";

/** Demo data is always marked as such; `large` on the wall, read from across the room. `children`: the desk's action. */
export function DemoBanner({ text, large, children }: { text: string; large?: boolean; children?: ReactNode }) {
  return (
    <div
      data-demo
      className={`bg-fuchsia-700 px-4 py-1 text-center font-semibold tracking-wide text-white ${large ? "text-lg" : "text-sm"}`}
    >
      {text}
      {children}
    </div>
  );
}
