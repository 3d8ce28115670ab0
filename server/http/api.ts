import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, toAppError } from "../errors";
import type { ApiDeps, Route, RouteContext } from "./context";
import { forbidden, unauthorized } from "./context";
import { sendError } from "./respond";
import { eventRoutes } from "./routes/events";
import { healthRoutes } from "./routes/health";
import { registryRoutes } from "./routes/registry";
import { requestRoutes } from "./routes/requests";
import { snapshotRoutes } from "./routes/snapshot";
import { tokenRoutes } from "./routes/tokens";
import { wallRoutes } from "./routes/wall";

const ROUTES: Route[] = [
  ...healthRoutes,
  ...snapshotRoutes,
  ...eventRoutes,
  ...tokenRoutes,
  ...registryRoutes,
  ...requestRoutes,
  ...wallRoutes,
];

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
        const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? "")]));
        const ctx: RouteContext = {
          req,
          res,
          url,
          deps,
          params,
          async require(...roles) {
            const principal = await deps.auth.fromHeaders({ authorization: req.headers.authorization, cookie: req.headers.cookie });
            if (!principal) throw unauthorized();
            if (roles.length > 0 && !roles.includes(principal.role)) throw forbidden(principal.role, `use ${method} ${url.pathname}`);
            await deps.limit(principal);
            return principal;
          },
        };
        await r.handle(ctx);
        return;
      }
      throw pathMatched
        ? new AppError("bad_request", `${method} is not supported on ${url.pathname}`)
        : new AppError("not_found", `no API at ${url.pathname}; see the README for the endpoints`);
    } catch (err) {
      const e = toAppError(err);
      if (e.code === "internal") deps.log.error({ err, path: url.pathname }, "request failed");
      if (res.headersSent) {
        res.end();
        return;
      }
      const headers: Record<string, string> = {};
      const retry = (err as { retryAfterS?: number }).retryAfterS;
      if (retry) headers["retry-after"] = String(retry);
      sendError(res, e, headers);
    }
  };
}
