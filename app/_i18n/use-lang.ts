"use client";
import { useCallback, useEffect, useState } from "react";
import { PENDING_ATTR } from "./boot";
import { DICTS, type Lang } from "./dict";

const KEY = "cordon.lang";

function detect(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  if (fromUrl === "zh-CN" || fromUrl === "en") return fromUrl;
  const saved = window.localStorage.getItem(KEY);
  if (saved === "zh-CN" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

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
      window.localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  return { lang, t: DICTS[lang], toggle };
}
