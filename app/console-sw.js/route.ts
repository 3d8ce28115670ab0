// Why: the console's service worker is built into the build directory (never into the shared public/), and served from here at the site's root.
import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

/** The worker `npm run build` wrote for this build (NEXT_DIST_DIR, as next.config.js reads it); 404 before one was built. */
export async function GET(): Promise<Response> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  try {
    const body = await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), distDir, "serwist", "console-sw.js"));
    return new Response(body, {
      headers: {
        "content-type": "text/javascript; charset=utf-8",
        // Checked for a new build on every visit; the precache inside it carries the revisions.
        "cache-control": "no-cache",
        "service-worker-allowed": "/console",
      },
    });
  } catch {
    return new Response("no service worker in this build: run `npm run build`\n", {
      status: 404,
      headers: { "content-type": "text/plain" },
    });
  }
}
