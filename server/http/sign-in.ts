import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authenticator } from "../auth/authenticate";
import { homeCommunity } from "../auth/scope";
import { communityCookie, sealSession, sessionCookie } from "../auth/session";
import type { Principal } from "../auth/tokens";
import { AppError } from "../errors";
import type { DoorLimits } from "./limits";
import { secureCookie } from "./origin";

/**
 * `?token=` on any screen: a valid token becomes an HttpOnly session cookie and the browser
 * is sent to the same address without the token, so it never stays in history or on screen.
 */
export async function handleSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: { auth: Authenticator; sessionSecret: string; limits: DoorLimits; publicUrl?: string },
): Promise<boolean> {
  const token = url.searchParams.get("token");
  if (token === null) return false;
  const address = deps.limits.address(req);
  try {
    deps.limits.assertOpen(address);
    const principal = await deps.auth.resolveToken(token);
    if (!principal) await deps.limits.failed(address);
    answer(req, res, url, principal, await sealSession(token, deps.sessionSecret), deps.publicUrl);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "rate_limited") throw err;
    const retry = (err as { retryAfterS?: number }).retryAfterS ?? 60;
    res.writeHead(429, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(retry) });
    res.end(
      `<!doctype html><meta charset="utf-8"><title>Cordon: too many sign-in attempts</title>` +
        `<p>Too many sign-in attempts from this network. Wait a minute, then open your link again.</p>` +
        `<p>此网络登录尝试过多。请等待一分钟后再打开您的链接。</p>`,
    );
  }
  return true;
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  principal: Principal | null,
  seal: string,
  publicUrl: string | undefined,
): void {
  url.searchParams.delete("token");
  const target = `${url.pathname}${url.search}`;
  if (!principal) {
    res.writeHead(401, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(
      `<!doctype html><meta charset="utf-8"><title>Cordon: sign-in link not valid</title>` +
        `<p>This sign-in link is not valid or has been revoked. Ask the secretary for a new one.</p>` +
        `<p>此登录链接无效或已被撤销。请向书记索取新的链接。</p>`,
    );
    return;
  }
  const secure = secureCookie(publicUrl, req.headers["x-forwarded-proto"]);
  res.writeHead(303, {
    location: target,
    "set-cookie": [sessionCookie(seal, secure), communityCookie(homeCommunity(principal), secure)],
    "cache-control": "no-store",
  });
  res.end();
}
