import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authenticator } from "../auth/authenticate";
import { sealSession, sessionCookie } from "../auth/session";

/**
 * `?token=` on any screen: a valid token becomes an HttpOnly session cookie and the browser
 * is sent to the same address without the token, so it never stays in history or on screen.
 */
export async function handleSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  auth: Authenticator,
  sessionSecret: string,
): Promise<boolean> {
  const token = url.searchParams.get("token");
  if (token === null) return false;
  const principal = await auth.resolveToken(token);
  url.searchParams.delete("token");
  const target = `${url.pathname}${url.search}`;
  if (!principal) {
    res.writeHead(401, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(
      `<!doctype html><meta charset="utf-8"><title>Cordon: sign-in link not valid</title>` +
        `<p>This sign-in link is not valid or has been revoked. Ask the secretary for a new one.</p>` +
        `<p>此登录链接无效或已被撤销。请向书记索取新的链接。</p>`,
    );
    return true;
  }
  const secure = (req.headers["x-forwarded-proto"] ?? "") === "https";
  res.writeHead(303, {
    location: target,
    "set-cookie": sessionCookie(await sealSession(token, sessionSecret), secure),
    "cache-control": "no-store",
  });
  res.end();
  return true;
}
