// Why: the authorisation matrix must fail when the API serves a route that its table does not name.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Route, route } from "../../server/http/context";

const HTTP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../server/http");

/** A route's identity: its method and its path pattern. */
export const routeKey = (r: Pick<Route, "method" | "pattern">) => `${r.method} ${r.pattern.source}`;

/** The identity of a route written as in the route files, e.g. `DELETE /api/tokens/:id`. */
export const specKey = (spec: string) => routeKey(route(spec, async () => {}));

const isRouteList = (v: unknown): v is Route[] =>
  Array.isArray(v) && v.length > 0 && v.every((r) => typeof r?.method === "string" && r?.pattern instanceof RegExp);

/**
 * Every route the API serves: the lists spread into `ROUTES` in server/http/api.ts, found among the exports of
 * server/http/routes/*.ts. Throws when `ROUTES` holds anything else, so a route declared elsewhere is not missed.
 */
export async function servedRoutes(): Promise<{ key: string; method: string }[]> {
  const api = readFileSync(path.join(HTTP_DIR, "api.ts"), "utf8");
  const body = /const ROUTES\b[^=]*=\s*\[([\s\S]*?)\];/.exec(api)?.[1];
  if (body === undefined) throw new Error("no `const ROUTES = [...]` in server/http/api.ts: update tests/support/served-routes.ts");
  const leftover = body.replace(/\.\.\.\w+\s*,?/g, "").trim();
  if (leftover) throw new Error(`ROUTES in server/http/api.ts holds more than spread route lists (${leftover}): read those here too`);
  const spread = [...body.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1] ?? "");
  const lists = new Map<string, Route[]>();
  for (const file of readdirSync(path.join(HTTP_DIR, "routes")).filter((f) => f.endsWith(".ts"))) {
    const mod = (await import(path.join(HTTP_DIR, "routes", file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (isRouteList(value)) lists.set(name, value);
  }
  return spread.flatMap((name) => {
    const list = lists.get(name);
    if (!list) throw new Error(`ROUTES spreads ${name}, which no file in server/http/routes exports`);
    return list.map((r) => ({ key: routeKey(r), method: r.method }));
  });
}
