import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, formTargets } from "@/lib/security/csp";

const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("the Content-Security-Policy", () => {
  it("lets scripts run only with the nonce, eval only in development", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, forms: [] });
    expect(directive(csp, "script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(contentSecurityPolicy({ nonce: "abc123", dev: true, forms: [] }), "script-src")).toBe(
      "'self' 'nonce-abc123' 'strict-dynamic' 'unsafe-eval'",
    );
    expect(directive(csp, "frame-ancestors")).toBe("'none'");
    expect(directive(csp, "object-src")).toBe("'none'");
    expect(directive(csp, "form-action")).toBe("'self'");
  });

  it("makes a different nonce of 128 bits each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("where forms may go", () => {
  it("is the sandbox alone when no Intercom app is configured", () => {
    expect(formTargets({})).toEqual(["http://127.0.0.1:4010"]);
    expect(formTargets({ SANDBOX_PORT: "4212" })).toEqual(["http://127.0.0.1:4212"]);
    expect(formTargets({ SANDBOX_URL: "https://sandbox.example.test/base/" })).toEqual([
      "https://sandbox.example.test",
    ]);
  });

  it("is Intercom's authorize hosts when an app is configured, and the sandbox too only when it is on", () => {
    const app = { INTERCOM_CLIENT_ID: "id", INTERCOM_CLIENT_SECRET: "secret" };
    expect(formTargets(app)).toEqual([
      "https://app.intercom.com",
      "https://app.eu.intercom.com",
      "https://app.au.intercom.com",
    ]);
    expect(formTargets({ ...app, SANDBOX: "on" })).toEqual([
      "https://app.intercom.com",
      "https://app.eu.intercom.com",
      "https://app.au.intercom.com",
      "http://127.0.0.1:4010",
    ]);
    expect(formTargets({ SANDBOX: "off" })).toEqual([]);
    // Half-configured credentials are not an Intercom app.
    expect(formTargets({ INTERCOM_CLIENT_ID: "id", INTERCOM_CLIENT_SECRET: " " })).toEqual(["http://127.0.0.1:4010"]);
  });
});
