import { describe, expect, it } from "vitest";
import { ALLOWLIST } from "@/lib/proxy/allowlist";
import { resolveProxyTarget } from "@/lib/proxy/path";

/** [method, raw text after /intercom/, expected status] */
const BAD: [string, string, 400 | 403][] = [
  ["GET", "../admins", 400],
  ["GET", "tickets/../admins", 400],
  ["GET", "tickets/..", 400],
  ["GET", "./me", 400],
  ["GET", "tickets/./123", 400],
  ["GET", "%2e%2e/admins", 400],
  ["GET", "%2E%2E/admins", 400],
  ["GET", "tickets/%2e%2e/admins", 400],
  ["GET", ".%2e/admins", 400],
  ["GET", "%252e%252e/admins", 400],
  ["GET", "tickets%2f123", 400],
  ["GET", "tickets%2F123", 400],
  ["GET", "tickets%5c123", 400],
  ["GET", "tickets\\123", 400],
  ["GET", "tickets//123", 400],
  ["GET", "/me", 400],
  ["GET", "//evil.example/me", 400],
  ["GET", "http://evil.example/me", 400],
  ["GET", "https:/evil.example/me", 400],
  ["GET", "@evil.example/me", 400],
  ["GET", "me@evil.example", 400],
  ["GET", "tickets/123:443", 400],
  ["GET", "tickets/123%00", 400],
  ["GET", "tickets/12 3", 400],
  ["GET", "tickets/123/", 400],
  ["GET", "", 400],
  ["GET", "tickets/" + "a".repeat(129), 400],
  ["GET", "a/b/c/d/e/f/g", 400],
  ["GET", "tickets/123#frag", 400],
  ["GET", "segments?include_count=true&include_count=false", 400],
  ["GET", "segments?include_count=<script>", 400],
  ["GET", "segments?url=http://evil.example", 400],
  ["GET", "me?x=1", 400],
  ["GET", "data_attributes?model=contact%26x", 400],
  ["GET", "admins/1/away", 403],
  ["GET", "contacts", 403],
  ["POST", "contacts", 403],
  ["DELETE", "contacts/123", 403],
  ["PUT", "admins/123", 403],
  ["GET", "tickets", 403],
  ["POST", "conversations", 403],
  ["DELETE", "conversations/123", 403],
  ["POST", "messages", 403],
  ["GET", "export/content/data", 403],
  ["PATCH", "tickets/123", 403],
  ["POST", "tickets/123/change_type/extra", 403],
  ["GET", "oauth", 403],
  ["POST", "auth/eagle/token", 403],
  ["GET", "sandbox/workspaces", 403],
  ["POST", "sandbox/reset", 403],
];

describe("the proxy's path checks", () => {
  it.each(BAD)("%s %s is refused with %d", (method, raw, status) => {
    const target = resolveProxyTarget(method, raw);
    expect(target.ok).toBe(false);
    if (!target.ok) {
      expect(target.status).toBe(status);
      expect(target.code).toMatch(/^(bad_path|not_allowed|bad_query)$/);
      expect(target.message.length).toBeGreaterThan(10);
    }
  });

  it("has at least 30 bad inputs in its table", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ["GET", "me", "/me", ""],
    ["GET", "tickets/1001814", "/tickets/1001814", ""],
    ["POST", "tickets/search", "/tickets/search", ""],
    ["DELETE", "tickets/1001814/tags/1000200", "/tickets/1001814/tags/1000200", ""],
    ["GET", "segments?include_count=true", "/segments", "?include_count=true"],
    ["GET", "data_attributes?model=contact", "/data_attributes", "?model=contact"],
    ["GET", "contacts/66010b2c3d4e5f60718293a4/segments", "/contacts/66010b2c3d4e5f60718293a4/segments", ""],
    ["get", "ticket_types", "/ticket_types", ""],
  ])("%s %s is forwarded as %s%s", (method, raw, path, search) => {
    const target = resolveProxyTarget(method, raw);
    expect(target).toMatchObject({ ok: true, path, search });
  });

  it("sends change_type with the Intercom-Version that has it", () => {
    const target = resolveProxyTarget("POST", "tickets/1/change_type");
    expect(target.ok && target.call.version).toBe("2.16");
    const other = resolveProxyTarget("PUT", "tickets/1");
    expect(other.ok && other.call.version).toBeUndefined();
  });

  it("allows every call of the allowlist with an id in place of each {id}", () => {
    for (const entry of ALLOWLIST) {
      const raw = entry.pattern.slice(1).replaceAll("{id}", "123abc");
      const target = resolveProxyTarget(entry.method, raw);
      expect(target.ok, `${entry.method} ${raw}`).toBe(true);
    }
  });
});
