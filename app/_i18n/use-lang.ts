"use client";
import { useCallback, useEffect, useState } from "react";
import { chooseLang, LANG_KEY, PENDING_ATTR } from "./boot";
import { DICTS, type Lang } from "./dict";

const detect = (): Lang =>
  chooseLang(window.location.search, window.localStorage.getItem(LANG_KEY), navigator.language, window.location.pathname);

/** The screen's language: `?lang=`, then the switch's last choice, then the browser's language. */
export function useLang() {
  const [lang, setLang] = useState<Lang>("en");
  useEffect(() => {
    setLang(detect());
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    // Rendered in the language the page was held for (boot.ts): it may be painted now.
    if (lang === document.documentElement.getAttribute(PENDING_ATTR)) document.documentElement.removeAttribute(PENDING_ATTR);
  }, [lang]);
  const toggle = useCallback(() => {
    setLang((l) => {
      const next = l === "en" ? "zh-CN" : "en";
      window.localStorage.setItem(LANG_KEY, next);
      return next;
    });
  }, []);
  return { lang, t: DICTS[lang], toggle };
}
