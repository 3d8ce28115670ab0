import { readCookie, SESSION_COOKIE, unsealSession } from "./session";
import type { Principal, TokenResolver } from "./tokens";

/** Finds the principal behind a request: a Bearer token first, else the session cookie. */
export class Authenticator {
  constructor(
    private readonly tokens: TokenResolver,
    private readonly sessionSecret: string,
  ) {}

  async fromHeaders(headers: { authorization?: string; cookie?: string }): Promise<Principal | null> {
    return (await this.fromRequest(headers)).principal;
  }

  /** The principal and how it signed in: a cookie is held by a browser, which other sites can make send it. */
  async fromRequest(headers: {
    authorization?: string;
    cookie?: string;
  }): Promise<{ principal: Principal | null; via: "bearer" | "cookie" | "none" }> {
    const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return { principal: await this.check(bearer), via: "bearer" };
    if (headers.authorization) return { principal: null, via: "bearer" };
    if (!readCookie(headers.cookie, SESSION_COOKIE)) return { principal: null, via: "none" };
    return { principal: await this.fromCookie(headers.cookie), via: "cookie" };
  }

  async fromCookie(cookieHeader: string | undefined): Promise<Principal | null> {
    const seal = readCookie(cookieHeader, SESSION_COOKIE);
    if (!seal) return null;
    const token = await unsealSession(seal, this.sessionSecret);
    return token ? this.check(token) : null;
  }

  resolveToken(token: string | undefined): Promise<Principal | null> {
    return this.check(token);
  }

  /** Every request, sign-in link and socket that signs in marks its token seen (the resolver throttles the writes). */
  private async check(token: string | undefined): Promise<Principal | null> {
    const principal = await this.tokens.resolve(token);
    if (principal) this.tokens.seen(principal.tokenId);
    return principal;
  }
}
