import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.AUTH_SECRET = "unit-test-secret";
});

describe("next-auth's CSRF cookie, read on the server", async () => {
  const { csrfTokenFrom, newCsrfCookie } = await import("@/lib/auth/csrf");
  const { safeCallbackPath } = await import("@/lib/auth/callback-url");

  it("reads back the token of a cookie it made, and nothing else", () => {
    const { token, value } = newCsrfCookie();
    expect(csrfTokenFrom(value)).toBe(token);
    const [t, h] = value.split("|");
    expect(csrfTokenFrom(`${t}|${h.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`)).toBeNull();
    expect(csrfTokenFrom(`${"0".repeat(64)}|${h}`)).toBeNull();
    expect(csrfTokenFrom(undefined)).toBeNull();
    expect(csrfTokenFrom("garbage")).toBeNull();
  });

  it.each([
    ["/w/abc/tickets?size=50", "/w/abc/tickets?size=50"],
    ["/", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["/w/abc\u0000", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [null, "/"],
    ["/" + "a".repeat(3000), "/"],
  ])("callback %s → %s", (input, expected) => expect(safeCallbackPath(input)).toBe(expected));
});
