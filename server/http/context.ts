import type { IncomingMessage, ServerResponse } from "node:http";
import type { DatabaseHandle } from "../../drizzle/client";
import type { Authenticator } from "../auth/authenticate";
import type { Principal } from "../auth/tokens";
import { fail } from "../errors";
import type { Actor } from "../ingest/append";
import type { Logger } from "../log";
import type { Role } from "../protocol/vocabularies";
import type { DoorLimits } from "./limits";

export interface ApiDeps {
  handle: DatabaseHandle;
  auth: Authenticator;
  log: Logger;
  limits: DoorLimits;
  /** The public address (PUBLIC_URL): the only origin allowed to use the session cookie when set. */
  publicUrl?: string;
  /** The compound's time zone (REPORT_TIME_ZONE) for the daily report; default Asia/Shanghai. */
  reportTimeZone?: string;
  /** Signs passes' codes (derived from the session secret, the same on every node). */
  passKey: Buffer;
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

/** The feed's actor for a token: its label, its volunteer, and the compound it may post in. */
export const actorOf = (p: Principal): Actor => ({
  role: p.role,
  name: p.label,
  volunteer: p.volunteer,
  resident: p.resident,
  scope: { community: p.community, operator: p.operator ?? false },
});

export const unauthorized = () => fail("unauthorized", "no_token");
export const forbidden = (role: Role, method: string, path: string) => fail("forbidden", "role_forbidden", { role, method, path });
