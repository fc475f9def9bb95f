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
    const req = httpRequest(
      { host: "localhost", port: E2E.port, path, method: init.method ?? "GET", headers: { cookie, ...init.headers } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

test("the typed routes keep to the session's workspaces and answer bad requests with clear 4xx errors", async ({
  page,
  context,
  baseURL,
}) => {
  const us = await workspace("Northwind Support");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const w = `/api/w/${us.id_code}`;
  const origin = baseURL!;
  const search = `${w}/search/tickets`;
  const good = JSON.stringify({ query: { field: "open", operator: "=", value: true }, per_page: 1 });

  const cases: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    status: number[];
    code?: string;
  }[] = [
    // There is no generic way through to Intercom any more: the old path is an unknown API path.
    { path: `${w}/intercom/me`, status: [404], code: "not_found" },
    {
      path: `${w}/intercom/conversations/1/reply`,
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: "{}",
      status: [404],
    },
    // Next.js resolves dot segments before any handler runs, so traversal can only land on
    // another dashboard route; these show it never leaves the session's workspaces.
    { path: `${w}/tickets/%2e%2e/%2e%2e/notmine1/catalog`, status: [404], code: "workspace_not_found" },
    { path: `${w}/tickets/../../../../sandbox/workspaces`, status: [404] },
    { path: `${w}/tickets/..%2F..%2Fadmins`, status: [400, 404] },
    { path: `${w}/tickets/1%2f2`, status: [400, 404] },
    { path: `${w}/tickets/..%5cadmins`, status: [400, 404] },
    { path: `${w}//catalog`, status: [308, 400, 404] },
    { path: `${w}/contacts/lookup?q=a&url=http://evil.example`, status: [400], code: "invalid_query" },
    {
      path: search,
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: good,
      status: [403],
      code: "bad_origin",
    },
    {
      path: search,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: good,
      status: [403],
      code: "origin_required",
    },
    {
      path: search,
      method: "POST",
      headers: { origin, "content-type": "text/plain" },
      body: "query",
      status: [415],
      code: "unsupported_media_type",
    },
    {
      path: search,
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: "{oops",
      status: [400],
      code: "invalid_json",
    },
    {
      path: search,
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(1_100_000) }),
      status: [413],
      code: "body_too_large",
    },
    { path: `/api/w/notmine1/catalog`, status: [404], code: "workspace_not_found" },
    {
      path: `/api/w/notmine1/search/tickets`,
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: good,
      status: [404],
      code: "workspace_not_found",
    },
  ];
  for (const c of cases) {
    const res = await raw(c.path, cookie, c);
    expect(c.status, `${c.method ?? "GET"} ${c.path} → ${res.status} ${res.body.slice(0, 200)}`).toContain(res.status);
    if (c.code) expect(JSON.parse(res.body).error.code, c.path).toBe(c.code);
  }

  // A forged change to a real ticket is refused before it reaches Intercom.
  const [ticket] = (
    await sandboxApi<{ tickets: { id: string; updated_at: number; is_shared: boolean }[] }>(
      us,
      "POST",
      "/tickets/search",
      {
        query: { field: "open", operator: "=", value: true },
        pagination: { per_page: 1 },
      },
    )
  ).tickets;
  const forged = await raw(`${w}/tickets/${ticket.id}/actions`, cookie, {
    method: "POST",
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    body: JSON.stringify({ type: "set_shared", shared: !ticket.is_shared }),
  });
  expect(forged.status).toBe(403);
  // So is one that names another teammate as its author: the actions take no admin_id.
  const asAnother = await raw(`${w}/tickets/${ticket.id}/actions`, cookie, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ type: "set_shared", shared: !ticket.is_shared, admin_id: "1" }),
  });
  expect(asAnother.status).toBe(400);
  const after = await sandboxApi<{ updated_at: number; is_shared: boolean }>(us, "GET", `/tickets/${ticket.id}`);
  expect({ updated_at: after.updated_at, is_shared: after.is_shared }).toEqual({
    updated_at: ticket.updated_at,
    is_shared: ticket.is_shared,
  });

  // Without a session.
  const anonymous = await raw(`${w}/catalog`, "");
  expect(anonymous.status).toBe(401);
  expect(JSON.parse(anonymous.body).error.code).toBe("unauthenticated");

  // Intercom's own refusals come back in the one error shape, in Intercom's words.
  const refused = await page.request.post(search, {
    data: { query: { field: "created_at", operator: "=", value: "foobar" } },
    headers: { origin },
  });
  expect(refused.status()).toBe(400);
  const { error } = (await refused.json()) as { error: { code: unknown; message: unknown } };
  expect([typeof error.code, typeof error.message]).toEqual(["string", "string"]);
  const ok = await page.request.post(search, { data: JSON.parse(good), headers: { origin } });
  expect(ok.status()).toBe(200);
});
