import { describe, expect, it } from "vitest";
import { acceptableCallbackUrl, authRequestProblem, MAX_CALLBACK_URL } from "@/lib/auth/callback-url";
import { pathDecodes, requestProblem, routerStateValid } from "@/lib/security/request-checks";

describe("paths", () => {
  it("must decode as UTF-8", () => {
    for (const p of ["/w/abc/tickets", "/w/abc/tickets/1%2F2", "/api/w/x/tickets/%C3%A9", "/%F0%9F%94%A5"])
      expect(pathDecodes(p), p).toBe(true);
    for (const p of ["/w/%E0%A4%A/tickets", "/api/w/x/tickets/%C0", "/w/abc/tickets/%ff", "/%", "/%zz"])
      expect(pathDecodes(p), p).toBe(false);
  });
});

describe("the router state header", () => {
  it("is absent or a router state Next.js accepts", () => {
    expect(routerStateValid(null)).toBe(true);
    expect(
      routerStateValid(
        encodeURIComponent(JSON.stringify(["", { children: ["w", {}, null, null] }, null, "refetch", 1])),
      ),
    ).toBe(true);
    for (const h of ["%7B", "garbage", "%E0%A4%A", "null", "%7B%7D", "%5B1%2C2%5D", ""])
      expect(routerStateValid(h), h).toBe(false);
  });

  it("makes a request's problem, path first", () => {
    expect(requestProblem("/w/%ff", new Headers())?.code).toBe("invalid_path");
    expect(requestProblem("/signin", new Headers({ "next-router-state-tree": "%7B" }))?.code).toBe(
      "invalid_router_state",
    );
    expect(requestProblem("/signin", new Headers())).toBeNull();
  });
});

describe("next-auth's callbackUrl", () => {
  it("is a path here or an http(s) URL", () => {
    for (const u of ["/", "/w/abc?view=1", "http://localhost:3000/w", "https://elsewhere.example/x"])
      expect(acceptableCallbackUrl(u), u).toBe(true);
  });

  it("is refused when it does not parse, is protocol-relative, another scheme, or too long", () => {
    const bad = [
      "http://[::1",
      "\ufffd%A",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "a\u0000",
      `/${"a".repeat(MAX_CALLBACK_URL)}`,
      "",
    ];
    for (const u of bad) expect(acceptableCallbackUrl(u), u).toBe(false);
  });

  it("is checked in the query string and in posted forms and JSON", async () => {
    expect(
      await authRequestProblem(new Request("http://localhost/api/auth/signin/x?callbackUrl=%E0%A4%A")),
    ).toMatchObject({ code: "invalid_callback_url" });
    expect(await authRequestProblem(new Request("http://localhost/api/auth/signin/x?callbackUrl=%2Fw"))).toBeNull();
    const form = (body: string, type = "application/x-www-form-urlencoded") =>
      new Request("http://localhost/api/auth/signin/x", { method: "POST", headers: { "content-type": type }, body });
    expect(await authRequestProblem(form("csrfToken=t&callbackUrl=http%3A%2F%2F%5B%3A%3A1"))).toMatchObject({
      code: "invalid_callback_url",
    });
    expect(await authRequestProblem(form("csrfToken=t&callbackUrl=%2F"))).toBeNull();
    expect(await authRequestProblem(form('{"callbackUrl": ', "application/json"))).toMatchObject({
      code: "invalid_json",
    });
    expect(await authRequestProblem(form('{"callbackUrl": 5}', "application/json"))).toMatchObject({
      code: "invalid_callback_url",
    });
    // next-auth still reads the body it was sent.
    const req = form("csrfToken=t&callbackUrl=%2F");
    await authRequestProblem(req);
    expect(await req.text()).toBe("csrfToken=t&callbackUrl=%2F");
  });
});
