import { describe, expect, it } from "vitest";
import { apiBaseUrl, isRegion, oauthEndpoints, REGION_HOSTS } from "@/lib/intercom/regions";

describe("region mapping", () => {
  it.each([
    ["US", "https://api.intercom.io"],
    ["EU", "https://api.eu.intercom.io"],
    ["AU", "https://api.au.intercom.io"],
    ["eu", "https://api.eu.intercom.io"],
  ])("a %s workspace calls %s", (region, host) => {
    expect(apiBaseUrl("intercom", region, "http://127.0.0.1:4010")).toBe(host);
  });

  it("sends sandbox workspaces to the sandbox whatever their region", () => {
    expect(apiBaseUrl("sandbox", "EU", "http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  });

  it("refuses an unknown region rather than guessing a host", () => {
    expect(() => apiBaseUrl("intercom", "APAC", "http://x")).toThrow(/region/);
    expect(isRegion("APAC")).toBe(false);
  });

  it("builds OAuth endpoints on the region's hosts", () => {
    expect(oauthEndpoints(REGION_HOSTS.EU)).toEqual({
      authorize: "https://app.eu.intercom.com/oauth",
      token: "https://api.eu.intercom.io/auth/eagle/token",
      me: "https://api.eu.intercom.io/me",
    });
    expect(oauthEndpoints(REGION_HOSTS.AU).token).toBe("https://api.au.intercom.io/auth/eagle/token");
  });
});
