import type { IncomingMessage, ServerResponse } from "node:http";
import { mayReach } from "../auth/scope";
import { fail, toAppError } from "../errors";
import type { ApiDeps, Route, RouteContext } from "./context";
import { forbidden, unauthorized } from "./context";
import { cookieWriteProblem } from "./origin";
import { sendError } from "./respond";
import { eventRoutes } from "./routes/events";
import { healthRoutes } from "./routes/health";
import { historyRoutes } from "./routes/history";
import { registryRoutes } from "./routes/registry";
import { registryImportRoutes } from "./routes/registry-import";
import { reportRoutes } from "./routes/reports";
import { requestRoutes } from "./routes/requests";
import { snapshotRoutes } from "./routes/snapshot";
import { streetRoutes } from "./routes/street";
import { tokenRoutes } from "./routes/tokens";
import { untestedRoutes } from "./routes/untested";
import { wallRoutes } from "./routes/wall";

const ROUTES: Route[] = [
  ...healthRoutes,
  ...snapshotRoutes,
  ...eventRoutes,
  ...tokenRoutes,
  ...registryRoutes,
  ...registryImportRoutes,
  ...requestRoutes,
  ...wallRoutes,
  ...untestedRoutes,
  ...historyRoutes,
  ...reportRoutes,
  ...streetRoutes,
];

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw fail("bad_request", "bad_escape", { part: part.slice(0, 40) });
  }
}

/** Answers /api/* in the custom server, before Next: one database instance, one place for errors. */
export function createApiHandler(deps: ApiDeps) {
  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const method = req.method ?? "GET";
      let pathMatched = false;
      for (const r of ROUTES) {
        const m = r.pattern.exec(url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (r.method !== method) continue;
        const params = Object.fromEntries(r.keys.map((k, i) => [k, decodePart(m[i + 1] ?? "")]));
        const ctx: RouteContext = {
          req,
          res,
          url,
          deps,
          params,
          async require(...roles) {
            const address = deps.limits.address(req);
            deps.limits.assertOpen(address);
            const { principal, via } = await deps.auth.fromRequest({
              authorization: req.headers.authorization,
              cookie: req.headers.cookie,
            });
            if (!principal) {
              if (via !== "none") await deps.limits.failed(address);
              throw unauthorized();
            }
            if (via === "cookie" && method !== "GET" && method !== "HEAD") {
              const problem = cookieWriteProblem(req.headers, deps.publicUrl);
              if (problem) throw fail("forbidden", problem.reason, problem.params);
            }
            if (roles.length > 0 && !roles.includes(principal.role)) throw forbidden(principal.role, method, url.pathname);
            // Every route that names a compound is refused for a token of another (v1.2); routes that
            // default to one take the token's own through `communityParam`/`scopedCommunity`.
            const asked = url.searchParams.get("community");
            if (asked !== null && !mayReach(principal, asked)) throw fail("forbidden", "community_forbidden", { community: asked });
            await deps.limits.token(principal);
            return principal;
          },
        };
        await r.handle(ctx);
        return;
      }
      throw pathMatched
        ? fail("bad_request", "method_not_supported", { method, path: url.pathname })
        : fail("not_found", "no_api", { path: url.pathname });
    } catch (err) {
      const e = toAppError(err);
      if (e.code === "internal") deps.log.error({ err, path: url.pathname }, "request failed");
      if (res.headersSent) {
        res.end();
        return;
      }
      const headers: Record<string, string> = {};
      const retry = (err as { retryAfterS?: number }).retryAfterS ?? (e.code === "unavailable" ? 2 : undefined);
      if (retry) headers["retry-after"] = String(retry);
      if (e.code === "unavailable") deps.log.warn({ err: (err as Error).message, path: url.pathname }, "database unavailable");
      sendError(res, e, headers);
    }
  };
}
