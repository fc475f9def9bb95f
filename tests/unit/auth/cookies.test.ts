/** The session cookie's attributes, for a dashboard served over https and over plain http. */
import { describe, expect, it } from "vitest";

process.env.PUBLIC_URL = "https://triage.example.com";
process.env.AUTH_SECRET = "cookie-test-secret";
process.env.SANDBOX = "on";

describe("session cookie", () => {
  it("is Secure, HttpOnly and SameSite=Lax, named __Secure-, over https", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const options = authOptions();
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies?.sessionToken).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("is HttpOnly and SameSite=Lax without Secure over plain http (local use)", async () => {
    const { sessionCookieOptions } = await import("@/lib/auth/options");
    expect(sessionCookieOptions("http://localhost:3000")).toEqual({
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: false,
    });
  });
});
