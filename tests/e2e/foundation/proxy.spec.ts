import { request as httpRequest } from "node:http";
import { E2E } from "../../../playwright.config";
import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";

/** Sends a request with its path exactly as written (no URL normalisation on the way). */
function raw(
  path: string,
  cookie: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "localhost", port: E2E.port, path, method: init.method ?? "GET", headers: { cookie, ...init.headers } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

test("bad proxy requests get clear 4xx errors and change nothing", async ({ page, context, baseURL }) => {
  const us = await workspace("Northwind Support");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const base = `/api/w/${us.id_code}/intercom`;
  const origin = baseURL!;

  const cases: { path: string; method?: string; headers?: Record<string, string>; body?: string; status: number[]; code?: string }[] = [
    { path: `${base}/admins/1/away`, status: [403], code: "not_allowed" },
    { path: `${base}/contacts`, method: "POST", headers: { origin, "content-type": "application/json" }, body: "{}", status: [403], code: "not_allowed" },
    // Next.js resolves dot segments before any handler runs, so traversal can only land on
    // another dashboard route; these show it never escapes the allowlist or the session's workspaces.
    { path: `${base}/tickets/%2e%2e/admins/1/away`, status: [403], code: "not_allowed" },
    { path: `${base}/%2e%2e/%2e%2e/notmine1/intercom/me`, status: [404], code: "workspace_not_found" },
    { path: `${base}/tickets/../../../../sandbox/workspaces`, status: [404] },
    { path: `${base}/tickets%2f1`, status: [400, 404] },
    { path: `${base}/tickets/..%5cadmins`, status: [400], code: "bad_path" },
    { path: `${base}//admins`, status: [308, 400, 404] },
    { path: `${base}/segments?include_count=true&url=http://evil.example`, status: [400], code: "bad_query" },
    {
      path: `${base}/tickets/search`,
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: "{}",
      status: [403],
      code: "bad_origin",
    },
    { path: `${base}/tickets/search`, method: "POST", headers: { "content-type": "application/json" }, body: "{}", status: [403], code: "origin_required" },
    {
      path: `${base}/tickets/search`,
      method: "POST",
      headers: { origin, "content-type": "text/plain" },
      body: "query",
      status: [415],
      code: "unsupported_media_type",
    },
    {
      path: `${base}/tickets/search`,
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: "{oops",
      status: [400],
      code: "invalid_json",
    },
    {
      path: `${base}/tickets/search`,
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(1_100_000) }),
      status: [413],
      code: "body_too_large",
    },
    { path: `/api/w/notmine1/intercom/me`, status: [404], code: "workspace_not_found" },
  ];
  for (const c of cases) {
    const res = await raw(c.path, cookie, c);
    expect(c.status, `${c.method ?? "GET"} ${c.path} → ${res.status} ${res.body.slice(0, 200)}`).toContain(res.status);
    if (c.code) expect(JSON.parse(res.body).error.code, c.path).toBe(c.code);
  }

  // A forged change to a real ticket is refused before it reaches Intercom.
  const [ticket] = (
    await sandboxApi<{ tickets: { id: string; updated_at: number; is_shared: boolean }[] }>(us, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).tickets;
  const forged = await raw(`${base}/tickets/${ticket.id}`, cookie, {
    method: "PUT",
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    body: JSON.stringify({ is_shared: !ticket.is_shared }),
  });
  expect(forged.status).toBe(403);
  const after = await sandboxApi<{ updated_at: number; is_shared: boolean }>(us, "GET", `/tickets/${ticket.id}`);
  expect({ updated_at: after.updated_at, is_shared: after.is_shared }).toEqual({ updated_at: ticket.updated_at, is_shared: ticket.is_shared });

  // Without a session.
  const anonymous = await raw(`${base}/me`, "");
  expect(anonymous.status).toBe(401);
  expect(JSON.parse(anonymous.body).error.code).toBe("unauthenticated");

  // Intercom's own refusals are relayed as they are, with the rate-limit headers.
  const refused = await page.request.post(`${base}/tickets/search`, {
    data: { query: { field: "created_at", operator: "=", value: "foobar" } },
    headers: { origin },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).type).toBe("error.list");
  const ok = await page.request.get(`${base}/me`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["x-ratelimit-limit"]).toBeTruthy();
  expect(ok.headers()["x-request-id"]).toBeTruthy();
});
