// Why: I18N12: the script run in <head> before the first paint makes the very choice useLang makes, from the same source.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { chooseLang, LANG_BOOT, PENDING_ATTR } from "../../app/_i18n/boot";

/** Runs the boot script against a page with this address, saved choice and browser language; what it left on <html>. */
function boot(search: string, saved: string | null, browser: string) {
  const attrs = new Map<string, string>();
  const html = {
    lang: "en",
    setAttribute: (k: string, v: string) => attrs.set(k, v),
    removeAttribute: (k: string) => attrs.delete(k),
  };
  vm.runInNewContext(LANG_BOOT, {
    document: { documentElement: html },
    location: { search },
    localStorage: { getItem: (k: string) => (k === "cordon.lang" ? saved : null) },
    navigator: { language: browser },
    URLSearchParams,
    setTimeout: () => 0,
  });
  return { lang: html.lang, pending: attrs.get(PENDING_ATTR) ?? null };
}

describe("I18N12: the language chosen before the first paint", () => {
  const cases: [string, string | null, string, string][] = [
    ["?lang=zh-CN", "en", "en-US", "zh-CN"],
    ["?lang=en", "zh-CN", "zh-CN", "en"],
    ["?lang=fr", "zh-CN", "en-US", "zh-CN"],
    ["", null, "zh-TW", "zh-CN"],
    ["", null, "en-GB", "en"],
    ["?token=x", "en", "zh-CN", "en"],
  ];
  it.each(cases)("I18N12 %s, saved %s, browser %s: %s, held unpainted unless English", (search, saved, browser, want) => {
    expect(chooseLang(search, saved, browser)).toBe(want);
    expect(boot(search, saved, browser)).toEqual({ lang: want, pending: want === "en" ? null : want });
  });
});
