import { readCookie, SESSION_COOKIE, unsealSession } from "./session";
import type { Principal, TokenResolver } from "./tokens";

/** Finds the principal behind a request: a Bearer token first, else the session cookie. */
export class Authenticator {
  constructor(
    private readonly tokens: TokenResolver,
    private readonly sessionSecret: string,
  ) {}

  async fromHeaders(headers: { authorization?: string; cookie?: string }): Promise<Principal | null> {
    const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return this.tokens.resolve(bearer);
    return this.fromCookie(headers.cookie);
  }

  async fromCookie(cookieHeader: string | undefined): Promise<Principal | null> {
    const seal = readCookie(cookieHeader, SESSION_COOKIE);
    if (!seal) return null;
    const token = await unsealSession(seal, this.sessionSecret);
    return token ? this.tokens.resolve(token) : null;
  }

  resolveToken(token: string | undefined): Promise<Principal | null> {
    return this.tokens.resolve(token);
  }
}
