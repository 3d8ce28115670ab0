// Why: the console's service worker is built after `next build` (Turbopack has no webpack hook): it precaches the console's page and the assets that page names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { serwist } from "@serwist/next/config";

/** Keeps the console's page, the files its HTML names, and its manifest and icons; drops every other page's assets. */
function consoleOnly(distDir) {
  const html = readFileSync(path.join(distDir, "server", "app", "console.html"), "utf8");
  const staticDir = `${distDir}/static/`;
  return (entries) => ({
    manifest: entries.filter(
      (e) =>
        e.url === `${distDir}/server/app/console.html` ||
        e.url.startsWith("public/") ||
        (e.url.startsWith(staticDir) && html.includes(`static/${e.url.slice(staticDir.length)}`)),
    ),
    warnings: [],
  });
}

export default serwist.withNextConfig((next) => {
  const distDir = next.distDir.replace(/^\.\//, "").replace(/\/$/, "");
  return {
    swSrc: "sw/console-sw.ts",
    // Inside the build directory, so two builds (NEXT_DIST_DIR) never share or overwrite one worker;
    // app/console-sw.js/route.ts serves it.
    swDest: `${distDir}/serwist/console-sw.js`,
    precachePrerendered: false,
    globPatterns: [
      `${distDir}/server/app/console.html`,
      `${distDir}/static/**/*.{js,css,woff2,png,svg}`,
      "public/console.webmanifest",
      "public/icons/console-*",
    ],
    manifestTransforms: [consoleOnly(distDir)],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  };
});
