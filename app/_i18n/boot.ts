// Why: pages are prerendered in English and switch language once React runs. A screen that will
// read in Chinese is kept unpainted until then, so its reader never sees it flash in English.
import type { Lang } from "./dict";

/** Where the language switch keeps its last choice (localStorage). */
export const LANG_KEY = "cordon.lang";
/** The attribute that keeps the page unpainted while its language (the attribute's value) is being applied. */
export const PENDING_ATTR = "data-lang-pending";
/** Past this, the page is shown whatever happened (a script that failed must not leave it blank). */
export const PENDING_MAX_MS = 2500;

/**
 * The screen's language: `?lang=` in its address, then the switch's last choice, then the browser's
 * language. Self-contained (no imports, no helpers): the script in <head> runs its source text.
 */
export function chooseLang(search: string, saved: string | null, browser: string, path?: string): Lang {
  const asked = new URLSearchParams(search).get("lang");
  if (asked === "zh-CN" || asked === "en") return asked;
  if (saved === "zh-CN" || saved === "en") return saved;
  // A household's phone (/home) reads Chinese unless asked otherwise: the switch is there for the rest.
  if (path === "/home") return "zh-CN";
  return browser.toLowerCase().indexOf("zh") === 0 ? "zh-CN" : "en";
}

/**
 * Runs in <head> before the body paints: the choice `useLang` will make. When it is not English,
 * the page is held unpainted until `useLang` has rendered it in that language.
 */
export const LANG_BOOT = `(function(){try{var d=document.documentElement,l=(${chooseLang.toString()})(location.search,localStorage.getItem(${JSON.stringify(LANG_KEY)}),navigator.language||"",location.pathname);d.lang=l;if(l!=="en"){d.setAttribute(${JSON.stringify(PENDING_ATTR)},l);setTimeout(function(){d.removeAttribute(${JSON.stringify(PENDING_ATTR)})},${PENDING_MAX_MS})}}catch(e){}})();`;
