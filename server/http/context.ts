import type { IncomingMessage, ServerResponse } from "node:http";
import type { DatabaseHandle } from "../../drizzle/client";
import type { Role } from "../../drizzle/schema/constants";
import type { Authenticator } from "../auth/authenticate";
import type { Principal } from "../auth/tokens";
import { AppError } from "../errors";
import type { Logger } from "../log";

export interface ApiDeps {
  handle: DatabaseHandle;
  auth: Authenticator;
  log: Logger;
  /** Consumes one request from the token's budget; throws a 429 AppError when it is spent. */
  limit(principal: Principal): Promise<void>;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  deps: ApiDeps;
  params: Record<string, string>;
  /** Authenticates and checks the role: 401 without a valid token, 403 with the wrong role. */
  require(...roles: Role[]): Promise<Principal>;
}

export type Route = {
  method: string;
  pattern: RegExp;
  keys: string[];
  handle(ctx: RouteContext): Promise<void>;
};

/** Declares a route like `GET /api/tokens/:id`. */
export function route(spec: string, handle: Route["handle"]): Route {
  const [method = "GET", path = "/"] = spec.split(" ");
  const keys: string[] = [];
  const source = path.replace(/:([a-zA-Z]+)/g, (_, k: string) => {
    keys.push(k);
    return "([^/]+)";
  });
  return { method, pattern: new RegExp(`^${source}$`), keys, handle };
}

export const unauthorized = () =>
  new AppError("unauthorized", "no valid token: send Authorization: Bearer <token>, or open a sign-in link with ?token=");
export const forbidden = (role: Role, what: string) => new AppError("forbidden", `the ${role} role may not ${what}`);
