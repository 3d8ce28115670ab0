// Why: a tile the desk can pick (click, Enter or Space) without the wall's tiles becoming buttons.
import type { KeyboardEvent } from "react";

/** Props that make an element act as a button calling `select`; spread onto a tile only where picking is offered. */
export function selectable(select: () => void) {
  return {
    role: "button",
    tabIndex: 0,
    "data-selectable": true,
    onClick: select,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      select();
    },
  } as const;
}
