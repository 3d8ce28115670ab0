import { readCookie, SESSION_COOKIE, unsealSession } from "./session";
import type { Principal, TokenCheck, TokenResolver } from "./tokens";

/** How a request signed in: a cookie is held by a browser, which other sites can make send it. */
export type SignedInVia = "bearer" | "cookie" | "none";

/** Finds the principal behind a request: a Bearer token first, else the session cookie. */
export class Authenticator {
  constructor(
    private readonly tokens: TokenResolver,
    private readonly sessionSecret: string,
  ) {}

  async fromHeaders(headers: { authorization?: string; cookie?: string }): Promise<Principal | null> {
    return (await this.fromRequest(headers)).principal;
  }

  /** The principal and how it signed in; `revoked` when the secret was a real token since revoked (a signed-out phone, not a guess). */
  async fromRequest(headers: { authorization?: string; cookie?: string }): Promise<TokenCheck & { via: SignedInVia }> {
    const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return { ...(await this.check(bearer)), via: "bearer" };
    if (headers.authorization) return { principal: null, revoked: false, via: "bearer" };
    if (!readCookie(headers.cookie, SESSION_COOKIE)) return { principal: null, revoked: false, via: "none" };
    return { ...(await this.checkCookie(headers.cookie)), via: "cookie" };
  }

  async fromCookie(cookieHeader: string | undefined): Promise<Principal | null> {
    return (await this.checkCookie(cookieHeader)).principal;
  }

  /** The session cookie's token, checked. */
  async checkCookie(cookieHeader: string | undefined): Promise<TokenCheck> {
    const seal = readCookie(cookieHeader, SESSION_COOKIE);
    if (!seal) return { principal: null, revoked: false };
    const token = await unsealSession(seal, this.sessionSecret);
    return token ? this.check(token) : { principal: null, revoked: false };
  }

  resolveToken(token: string | undefined): Promise<Principal | null> {
    return this.check(token).then((c) => c.principal);
  }

  /** Every request, sign-in link and socket that signs in marks its token seen (the resolver throttles the writes). */
  async check(token: string | undefined): Promise<TokenCheck> {
    const checked = await this.tokens.check(token);
    if (checked.principal) this.tokens.seen(checked.principal.tokenId);
    return checked;
  }
}
