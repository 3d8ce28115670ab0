// Why: links minted on localhost open nothing on a phone; the people page warns, and links carry PUBLIC_URL when there is one.
import { describe, expect, it } from "vitest";
import { PEOPLE } from "../../app/_i18n/people";
import { isLoopback, linkOrigin, linksOnlyWorkHere } from "../../app/people/address";

describe("ADDR: where sign-in links point", () => {
  it("ADDR1 loopback addresses are recognised; the warning shows only on one and without PUBLIC_URL; links carry PUBLIC_URL's origin", () => {
    for (const h of ["localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "0.0.0.0"])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ["192.168.1.20", "10.0.0.5", "cordon.example.org", "128.0.0.1", "localhost.example.org"])
      expect(isLoopback(h), h).toBe(false);
    expect(linksOnlyWorkHere("localhost", null)).toBe(true);
    expect(linksOnlyWorkHere("localhost", "https://cordon.example.org")).toBe(false);
    expect(linksOnlyWorkHere("192.168.1.20", null)).toBe(false);
    expect(linkOrigin("http://localhost:3000", "https://cordon.example.org/base/")).toBe("https://cordon.example.org");
    expect(linkOrigin("http://192.168.1.20:3000", null)).toBe("http://192.168.1.20:3000");
    // Both languages say why and how to fix it: the network address or PUBLIC_URL.
    expect(PEOPLE.en.loopback.title).toMatch(/localhost/);
    expect(PEOPLE.en.loopback.fix("3000")).toMatch(/:3000\/people.*PUBLIC_URL/);
    expect(PEOPLE["zh-CN"].loopback.title).toMatch(/localhost/);
    expect(PEOPLE["zh-CN"].loopback.fix("3000")).toMatch(/:3000\/people.*PUBLIC_URL/);
  });
});
