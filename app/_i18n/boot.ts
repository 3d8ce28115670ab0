// Why: pages are prerendered in English and switch language once React runs. A screen that will
// read in Chinese is kept unpainted until then, so its reader never sees it flash in English.

/** The attribute that keeps the page unpainted while its language (the attribute's value) is being applied. */
export const PENDING_ATTR = "data-lang-pending";
/** Past this, the page is shown whatever happened (a script that failed must not leave it blank). */
export const PENDING_MAX_MS = 2500;

/**
 * Runs in <head> before the body paints: the same choice as `detect()` in use-lang.ts (`?lang=`,
 * then the saved choice, then the browser's language). When it is not English, the page is held
 * unpainted until `useLang` has rendered it in that language.
 */
export const LANG_BOOT = `(function(){try{var d=document.documentElement,q=new URLSearchParams(location.search).get("lang"),l=q==="zh-CN"||q==="en"?q:localStorage.getItem("cordon.lang");if(l!=="zh-CN"&&l!=="en")l=(navigator.language||"").toLowerCase().indexOf("zh")===0?"zh-CN":"en";d.lang=l;if(l!=="en"){d.setAttribute("${PENDING_ATTR}",l);setTimeout(function(){d.removeAttribute("${PENDING_ATTR}")},${PENDING_MAX_MS})}}catch(e){}})();`;
