/**
 * The bad-input corpus: for every route handler, requests a hostile or careless client might
 * send. Each must get a 4xx with `{ error: { code, message } }`, and afterwards neither the
 * sandbox (no change applied by any request) nor the database (views, jobs) has changed.
 */
import { request as httpRequest } from "node:http";
import { E2E } from "../../../playwright.config";
import { expect, test } from "../fixtures";
import { SANDBOX_URL, sandboxApi, workspace } from "../support";

interface Case {
  name: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Sent without the session cookie. */
  anonymous?: boolean;
}

/** A request exactly as written: no URL normalisation, any header, any body. */
function raw(c: Case, cookie: string): Promise<{ status: number; body: string; type: string; location: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const length = c.body === undefined ? {} : { "content-length": String(Buffer.byteLength(c.body)) };
    const req = httpRequest(
      {
        host: "localhost",
        port: E2E.port,
        path: c.path,
        method: c.method,
        headers: { ...(c.anonymous ? {} : { cookie }), ...length, ...c.headers },
      },
      (res) => {
        answered = true;
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            type: String(res.headers["content-type"] ?? ""),
            location: String(res.headers.location ?? ""),
          }),
        );
      },
    );
    // A server that refuses a huge body early may close the socket while it is still being sent.
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    if (c.body) req.write(c.body);
    req.end();
  });
}

test("every route handler answers bad input with a 4xx error and changes nothing", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const us = await workspace("Northwind Support");
  const eu = await workspace("Fjord Analytics");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const origin = baseURL!;
  const json = { "content-type": "application/json", origin };
  const w = `/api/w/${us.id_code}`;
  const [ticket] = (
    await sandboxApi<{ tickets: { id: string }[] }>(us, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).tickets;
  const [conv] = (
    await sandboxApi<{ conversations: { id: string }[] }>(us, "POST", "/conversations/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).conversations;
  const [euTicket] = (
    await sandboxApi<{ tickets: { id: string }[] }>(eu, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).tickets;
  const { segments } = await sandboxApi<{ segments: { id: string }[] }>(us, "GET", "/segments");

  /** Every mutation, with a body it would accept: the cases below spoil one thing at a time. */
  const mutations: { path: string; method: string; body: unknown }[] = [
    { path: `${w}/tickets/${ticket.id}/actions`, method: "POST", body: { type: "set_shared", shared: true } },
    { path: `${w}/tickets/${ticket.id}/change-type`, method: "POST", body: { ticket_type_id: "1" } },
    { path: `${w}/conversations/${conv.id}/actions`, method: "POST", body: { type: "mark_read" } },
    { path: `${w}/conversations/${conv.id}/convert`, method: "POST", body: { ticket_type_id: "1" } },
    { path: `${w}/search/tickets`, method: "POST", body: { query: { field: "open", operator: "=", value: true } } },
    {
      path: `${w}/views`,
      method: "POST",
      body: {
        name: "x",
        resource: "tickets",
        query: { resource: "tickets", root: { kind: "group", operator: "AND", children: [] } },
        columns: ["title"],
        shared: false,
      },
    },
    { path: `${w}/views/00000000-0000-4000-8000-000000000000`, method: "PATCH", body: { name: "renamed" } },
    {
      path: `${w}/bulk-jobs`,
      method: "POST",
      body: { selection: { kind: "ids", ids: [ticket.id] }, action: { type: "close" } },
    },
    {
      path: `${w}/bulk-jobs/preview`,
      method: "POST",
      body: { selection: { kind: "ids", ids: [ticket.id] }, action: { type: "close" } },
    },
  ];
  const bodyless: { path: string; method: string }[] = [
    { path: `${w}/connection`, method: "DELETE" },
    { path: `${w}/views/00000000-0000-4000-8000-000000000000`, method: "DELETE" },
    { path: `${w}/bulk-jobs/00000000-0000-4000-8000-000000000000/cancel`, method: "POST" },
    { path: `${w}/bulk-jobs/00000000-0000-4000-8000-000000000000/retry`, method: "POST" },
    { path: `${w}/bulk-jobs/00000000-0000-4000-8000-000000000000/resume`, method: "POST" },
    { path: `${w}/bulk-jobs/00000000-0000-4000-8000-000000000000/undo`, method: "POST" },
    { path: `${w}/segments/${segments[0].id}/export?export_id=abcdefgh12`, method: "DELETE" },
  ];
  const reads = [
    `${w}/catalog`,
    `${w}/overview`,
    `${w}/contacts/lookup?q=ann`,
    `${w}/tickets/${ticket.id}`,
    `${w}/conversations/${conv.id}`,
    `${w}/views`,
    `${w}/bulk-jobs`,
    `${w}/segments/${segments[0].id}/export`,
    `${w}/audit`,
    `${w}/audit/export`,
  ];

  const cases: Case[] = [];
  for (const m of mutations) {
    const good = JSON.stringify(m.body);
    cases.push(
      { name: "no session", method: m.method, path: m.path, body: good, headers: json, anonymous: true },
      {
        name: "forged Origin",
        method: m.method,
        path: m.path,
        body: good,
        headers: { ...json, origin: "https://evil.example" },
      },
      {
        name: "no Origin",
        method: m.method,
        path: m.path,
        body: good,
        headers: { "content-type": "application/json" },
      },
      {
        name: "not JSON",
        method: m.method,
        path: m.path,
        body: "action=close",
        headers: { ...json, "content-type": "application/x-www-form-urlencoded" },
      },
      { name: "malformed JSON", method: m.method, path: m.path, body: '{"action": ', headers: json },
      { name: "empty body", method: m.method, path: m.path, body: "", headers: json },
      {
        name: "huge body",
        method: m.method,
        path: m.path,
        body: JSON.stringify({ pad: "x".repeat(1_200_000) }),
        headers: json,
      },
      { name: "an array", method: m.method, path: m.path, body: "[]", headers: json },
      {
        name: "unknown field",
        method: m.method,
        path: m.path,
        body: JSON.stringify({ ...(m.body as object), admin_id: "1", __proto__x: 1 }),
        headers: json,
      },
      {
        name: "wrong types",
        method: m.method,
        path: m.path,
        body: JSON.stringify(Object.fromEntries(Object.keys(m.body as object).map((k) => [k, 12345]))),
        headers: json,
      },
      {
        name: "another workspace",
        method: m.method,
        path: m.path.replace(us.id_code, "notmine1"),
        body: good,
        headers: json,
      },
    );
  }
  for (const b of bodyless) {
    cases.push(
      { name: "no session", method: b.method, path: b.path, headers: { origin }, anonymous: true },
      { name: "forged Origin", method: b.method, path: b.path, headers: { origin: "https://evil.example" } },
      {
        name: "another workspace",
        method: b.method,
        path: b.path.replace(us.id_code, "notmine1"),
        headers: { origin },
      },
    );
  }
  for (const r of reads) {
    cases.push(
      { name: "no session", method: "GET", path: r, anonymous: true },
      { name: "another workspace", method: "GET", path: r.replace(us.id_code, "notmine1") },
    );
  }
  cases.push(
    // Path traversal and encodings in record ids.
    { name: "traversal in an id", method: "GET", path: `${w}/tickets/..%2F..%2Fadmins` },
    { name: "encoded slash", method: "GET", path: `${w}/tickets/1%2F2` },
    { name: "NUL in an id", method: "GET", path: `${w}/tickets/1%00` },
    { name: "backslash traversal", method: "GET", path: `${w}/conversations/..%5C..%5Cme` },
    { name: "overlong id", method: "GET", path: `${w}/tickets/${"9".repeat(200)}` },
    { name: "traversal in a job id", method: "GET", path: `${w}/bulk-jobs/..%2F..%2Fcatalog` },
    { name: "bad workspace id", method: "GET", path: `/api/w/..%2F..%2Fetc/catalog` },
    {
      name: "unknown list",
      method: "POST",
      path: `${w}/search/admins`,
      body: JSON.stringify({ query: { field: "id", operator: "=", value: "1" } }),
      headers: json,
    },
    // Traversal and encodings in the typed routes' paths: none reaches anything but a route of this workspace.
    { name: "traversal in a conversation id", method: "GET", path: `${w}/conversations/..%2F..%2Fadmins` },
    { name: "traversal after an id", method: "GET", path: `${w}/tickets/${ticket.id}/..%2F..%2Fadmins` },
    { name: "dot segments", method: "GET", path: `${w}/tickets/%2e%2e/%2e%2e/me` },
    { name: "double encoding", method: "GET", path: `${w}/tickets/%252e%252e%252fme` },
    { name: "empty segment", method: "GET", path: `${w}/tickets//evil.example/me` },
    {
      name: "traversal in a searched list",
      method: "POST",
      path: `${w}/search/..%2Fadmins`,
      body: "{}",
      headers: json,
    },
    // The generic Intercom path is gone: a JSON 404 like any path no handler owns, for every method.
    { name: "the removed Intercom passthrough", method: "GET", path: `${w}/intercom/me` },
    {
      name: "the removed Intercom passthrough, posted",
      method: "POST",
      path: `${w}/intercom/conversations/${conv.id}/reply`,
      body: "{}",
      headers: json,
    },
    { name: "unknown API path", method: "GET", path: `${w}/nothing-here` },
    { name: "unknown API path, posted", method: "POST", path: "/api/nothing", body: "{}", headers: json },
    // Absolute URLs where paths, ids or searches belong.
    { name: "absolute URL as an id", method: "GET", path: `${w}/tickets/https:%2F%2Fevil.example%2Fme` },
    {
      name: "absolute URL as a search link",
      method: "GET",
      path: `${w}/segments/${segments[0].id}/export?q=https://evil.example/x`,
    },
    { name: "absolute URL as a job id", method: "GET", path: `${w}/bulk-jobs/https%3A%2F%2Fevil.example` },
    // Another workspace's records, through a workspace the lead has.
    { name: "another workspace's ticket", method: "GET", path: `${w}/tickets/${euTicket.id}` },
    {
      name: "another workspace's ticket, changed",
      method: "POST",
      path: `${w}/tickets/${euTicket.id}/actions`,
      body: JSON.stringify({ type: "set_shared", shared: true }),
      headers: json,
    },
    // Wrong values that pass for JSON.
    {
      name: "unknown action",
      method: "POST",
      path: `${w}/tickets/${ticket.id}/actions`,
      body: JSON.stringify({ type: "make_coffee" }),
      headers: json,
    },
    {
      name: "script as an id",
      method: "POST",
      path: `${w}/tickets/${ticket.id}/actions`,
      body: JSON.stringify({ type: "add_tag", tag_id: "<script>" }),
      headers: json,
    },
    {
      name: "too many tickets",
      method: "POST",
      path: `${w}/bulk-jobs`,
      body: JSON.stringify({
        selection: { kind: "ids", ids: Array.from({ length: 10_001 }, (_, i) => `${i}`) },
        action: { type: "close" },
      }),
      headers: json,
    },
    {
      name: "bad query param",
      method: "GET",
      path: `${w}/bulk-jobs/00000000-0000-4000-8000-000000000000/items?limit=100000`,
    },
    { name: "unknown query param", method: "GET", path: `${w}/contacts/lookup?q=a&url=http://evil.example` },
    // The audit log: bad filters, and no way to change or delete entries.
    { name: "audit: unknown action code", method: "GET", path: `${w}/audit?action=DROP%20TABLE` },
    { name: "audit: unknown record type", method: "GET", path: `${w}/audit?recordType=users&recordId=1` },
    { name: "audit: record id without its type", method: "GET", path: `${w}/audit?recordId=1` },
    { name: "audit: not a date", method: "GET", path: `${w}/audit/export?from=yesterday` },
    { name: "audit: end before start", method: "GET", path: `${w}/audit?from=2026-02-01&to=2026-01-01` },
    { name: "audit: forged cursor", method: "GET", path: `${w}/audit?cursor=bm9wZXxub3Bl` },
    { name: "audit: unknown query param", method: "GET", path: `${w}/audit?workspaceId=other` },
    { name: "audit: delete entries", method: "DELETE", path: `${w}/audit`, headers: { origin } },
    { name: "audit: rewrite entries", method: "PUT", path: `${w}/audit`, body: "{}", headers: json },
    {
      name: "audit: post an entry",
      method: "POST",
      path: `${w}/audit`,
      body: JSON.stringify({ summary: "forged" }),
      headers: json,
    },
    { name: "audit: delete the export", method: "DELETE", path: `${w}/audit/export`, headers: { origin } },
    { name: "audit: delete, another workspace", method: "DELETE", path: `/api/w/notmine1/audit`, headers: { origin } },
    {
      name: "search page too large",
      method: "POST",
      path: `${w}/search/tickets`,
      body: JSON.stringify({ query: { field: "open", operator: "=", value: true }, per_page: 10_000 }),
      headers: json,
    },
  );

  // Input the framework or a library would choke on: deep nesting, characters the database
  // refuses, undecodable paths, next-auth's callback URL.
  const validView = mutations.find((m) => m.path === `${w}/views` && m.method === "POST")!.body as Record<
    string,
    unknown
  >;
  const deepIntercom = (n: number) =>
    '{"operator":"AND","value":['.repeat(n) + '{"field":"open","operator":"=","value":true}' + "]}".repeat(n);
  const deepGroup = (n: number) =>
    '{"kind":"group","operator":"AND","children":['.repeat(n) +
    '{"kind":"filter","field":"open","operator":"=","value":true}' +
    "]}".repeat(n);
  const badSearch = (value: string) => JSON.stringify({ query: { field: "title", operator: "~", value } });
  const queryView = (value: string) =>
    JSON.stringify({
      ...validView,
      query: {
        resource: "tickets",
        root: { kind: "group", operator: "AND", children: [{ kind: "filter", field: "title", operator: "~", value }] },
      },
    });
  const framework: Case[] = [
    {
      name: "deeply nested search",
      method: "POST",
      path: `${w}/search/tickets`,
      body: `{"query":${deepIntercom(5000)}}`,
      headers: json,
    },
    {
      name: "nested just past the limit",
      method: "POST",
      path: `${w}/search/tickets`,
      body: `{"query":${deepIntercom(70)}}`,
      headers: json,
    },
    {
      name: "deeply nested preview",
      method: "POST",
      path: `${w}/bulk-jobs/preview`,
      body: `{"selection":{"kind":"query","query":${deepIntercom(5000)}},"action":{"type":"close"}}`,
      headers: json,
    },
    {
      name: "deeply nested view",
      method: "POST",
      path: `${w}/views`,
      body: `{"name":"deep","resource":"tickets","columns":["title"],"shared":false,"query":{"resource":"tickets","root":${deepGroup(5000)}}}`,
      headers: json,
    },
    {
      name: "deeply nested arrays",
      method: "POST",
      path: `${w}/views`,
      body: "[".repeat(200_000) + "]".repeat(200_000),
      headers: json,
    },
    {
      name: "NUL in a view's name",
      method: "POST",
      path: `${w}/views`,
      body: JSON.stringify({ ...validView, name: "a\u0000b" }),
      headers: json,
    },
    {
      name: "control character in a view's name",
      method: "POST",
      path: `${w}/views`,
      body: JSON.stringify({ ...validView, name: "bell\u0007" }),
      headers: json,
    },
    {
      name: "NUL in a renamed view",
      method: "PATCH",
      path: `${w}/views/00000000-0000-4000-8000-000000000000`,
      body: JSON.stringify({ name: "a\u0000" }),
      headers: json,
    },
    { name: "NUL in a view's search", method: "POST", path: `${w}/views`, body: queryView("a\u0000b"), headers: json },
    {
      name: "NUL in a search",
      method: "POST",
      path: `${w}/search/tickets`,
      body: badSearch("a\u0000b"),
      headers: json,
    },
    {
      name: "control character in a search",
      method: "POST",
      path: `${w}/search/tickets`,
      body: badSearch("\u001b[31m"),
      headers: json,
    },
    {
      name: "NUL in a job's search",
      method: "POST",
      path: `${w}/bulk-jobs`,
      body: JSON.stringify({
        selection: { kind: "query", query: { field: "title", operator: "~", value: "a\u0000" } },
        action: { type: "close" },
      }),
      headers: json,
    },
    { name: "undecodable workspace", method: "GET", path: "/api/w/%E0%A4%A/catalog" },
    { name: "undecodable id", method: "GET", path: "/api/w/x/tickets/%C0" },
    { name: "undecodable id, own workspace", method: "GET", path: `${w}/tickets/%ff` },
    { name: "undecodable auth path", method: "GET", path: "/api/auth/%ff", anonymous: true },
    { name: "undecodable unknown API path", method: "POST", path: "/api/%E0%A4%A", body: "{}", headers: json },
    {
      name: "broken callback URL",
      method: "GET",
      path: "/api/auth/signin/intercom-sandbox?callbackUrl=%E0%A4%A",
      anonymous: true,
    },
    {
      name: "unparsable callback URL",
      method: "GET",
      path: "/api/auth/signin/intercom-sandbox?callbackUrl=http://[::1",
      anonymous: true,
    },
    { name: "unparsable callback URL, session", method: "GET", path: "/api/auth/session?callbackUrl=http://[::1" },
    {
      name: "huge callback URL",
      method: "GET",
      path: `/api/auth/signin/intercom-sandbox?callbackUrl=/${"a".repeat(8000)}`,
      anonymous: true,
    },
    {
      name: "unparsable callback URL, posted",
      method: "POST",
      path: "/api/auth/signin/intercom-sandbox",
      body: "callbackUrl=http%3A%2F%2F%5B%3A%3A1",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      anonymous: true,
    },
    {
      name: "malformed JSON to next-auth",
      method: "POST",
      path: "/api/auth/signin/intercom-sandbox",
      body: '{"callbackUrl": ',
      headers: { ...json },
      anonymous: true,
    },
  ];
  cases.push(...framework);

  // Sessions: only the lead's own, only from the dashboard's pages; this test's session survives every case.
  const own = (
    (await (await page.request.get("/api/sessions")).json()) as { sessions: { handle: string; current: boolean }[] }
  ).sessions.find((x) => x.current)!;
  cases.push(
    { name: "sessions: no session", method: "GET", path: "/api/sessions", anonymous: true },
    {
      name: "end a session: no session",
      method: "DELETE",
      path: `/api/sessions/${own.handle}`,
      headers: { origin },
      anonymous: true,
    },
    {
      name: "end a session: forged Origin",
      method: "DELETE",
      path: `/api/sessions/${own.handle}`,
      headers: { origin: "https://evil.example" },
    },
    { name: "end a session: no Origin", method: "DELETE", path: `/api/sessions/${own.handle}` },
    {
      name: "end a session: unknown",
      method: "DELETE",
      path: "/api/sessions/AAAAAAAAAAAAAAAAAAAAAA",
      headers: { origin },
    },
    { name: "end a session: traversal", method: "DELETE", path: "/api/sessions/..%2F..%2Fw", headers: { origin } },
    {
      name: "end a session: raw session id",
      method: "DELETE",
      path: `/api/sessions/${"a".repeat(43)}`,
      headers: { origin },
    },
    {
      name: "end other sessions: no session",
      method: "POST",
      path: "/api/sessions/end-others",
      headers: { origin },
      anonymous: true,
    },
    {
      name: "end other sessions: forged Origin",
      method: "POST",
      path: "/api/sessions/end-others",
      headers: { origin: "https://evil.example" },
    },
    { name: "end other sessions: no Origin", method: "POST", path: "/api/sessions/end-others" },
  );

  // A method a route does not serve: a JSON 405 like any other refusal.
  for (const [method, path] of [
    ["PUT", `${w}/overview`],
    ["DELETE", `${w}/catalog`],
    ["PATCH", `${w}/tickets/${ticket.id}`],
    ["GET", `${w}/tickets/${ticket.id}/actions`],
    ["GET", `${w}/search/tickets`],
    ["PUT", `${w}/views`],
    ["GET", `${w}/connection`],
    ["DELETE", `${w}/bulk-jobs`],
    ["GET", `${w}/bulk-jobs/preview`],
    ["POST", "/api/sessions"],
    ["GET", "/api/sessions/end-others"],
    ["PUT", "/api/auth/session"],
    ["POST", "/api/auth/prepare"],
  ] as const)
    cases.push({ name: `${method} where it is not served`, method, path, headers: { origin } });

  const viewsBefore = await (await page.request.get(`${w}/views`)).text();
  const jobsBefore = await (await page.request.get(`${w}/bulk-jobs`)).text();
  const mark = ((await (await fetch(`${SANDBOX_URL}/sandbox/requests`)).json()) as { last_seq: number }).last_seq;

  const failures: string[] = [];
  for (const c of cases) {
    let res: Awaited<ReturnType<typeof raw>>;
    try {
      res = await raw(c, cookie);
    } catch (e) {
      failures.push(`${c.name}: ${c.method} ${c.path.slice(0, 120)} → no answer: ${(e as Error).message}`);
      continue;
    }
    let label = `${c.name}: ${c.method} ${c.path.slice(0, 120)} → ${res.status}`;
    // Next.js answers repeated slashes with a 308 to the same path, slashes merged, on this origin; what that path answers is what counts.
    if (res.status === 308 && /^\/[^/\\]/.test(res.location)) {
      const to = res.location;
      res = await raw({ ...c, path: to }, cookie);
      label += ` ${to} → ${res.status}`;
    }
    if (framework.includes(c) && (await page.request.get(`${w}/catalog`)).status() !== 200)
      failures.push(`${label}: the server stopped answering`);
    if (res.status < 400 || res.status >= 500) {
      failures.push(`${label} ${res.body.slice(0, 160)}`);
      continue;
    }
    try {
      const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string")
        failures.push(`${label}: no { error: { code, message } } in ${res.body.slice(0, 120)}`);
    } catch {
      failures.push(`${label}: not JSON (${res.type}) ${res.body.slice(0, 80)}`);
    }
  }
  expect(failures, failures.join("\n")).toEqual([]);
  expect(cases.length).toBeGreaterThan(150);
  // Nothing forwards to Intercom by path any more: the old passthrough is a JSON 404.
  const gone = await raw({ name: "the removed Intercom passthrough", method: "GET", path: `${w}/intercom/me` }, cookie);
  expect([gone.status, gone.type, JSON.parse(gone.body).error.code]).toEqual([
    404,
    expect.stringContaining("application/json"),
    "not_found",
  ]);

  // Nothing changed: no change reached the sandbox, and the database holds the same views and jobs.
  const after = (await (await fetch(`${SANDBOX_URL}/sandbox/requests?since=${mark}`)).json()) as {
    requests: { method: string; path: string; applied: boolean }[];
  };
  expect(after.requests.filter((r) => r.method !== "GET" && r.applied && !r.path.endsWith("/search"))).toEqual([]);
  expect(await (await page.request.get(`${w}/views`)).text()).toBe(viewsBefore);
  expect(await (await page.request.get(`${w}/bulk-jobs`)).text()).toBe(jobsBefore);
  // And the lead is still connected (the disconnect attempts were all refused).
  expect((await page.request.get(`${w}/catalog`)).status()).toBe(200);
});

test("pages answer undecodable paths and broken router state with a plain 400, and the server keeps answering", async ({
  context,
}) => {
  const us = await workspace("Northwind Support");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const tickets = `/w/${us.id_code}/tickets`;
  const rsc = (tree: string) => ({ rsc: "1", "next-router-state-tree": tree });
  const cases: Case[] = [
    { name: "undecodable workspace", method: "GET", path: "/w/%E0%A4%A/tickets" },
    { name: "undecodable ticket id", method: "GET", path: "/w/abc/tickets/%ff" },
    { name: "undecodable ticket id, own workspace", method: "GET", path: `${tickets}/%C0` },
    { name: "undecodable, signed out", method: "GET", path: "/w/%E0%A4%A/tickets", anonymous: true },
    { name: "router state not encoded JSON", method: "GET", path: tickets, headers: rsc("%7B") },
    { name: "router state not JSON", method: "GET", path: "/signin", headers: rsc("garbage") },
    { name: "router state undecodable", method: "GET", path: tickets, headers: rsc("%E0%A4%A") },
    { name: "router state of the wrong shape", method: "GET", path: tickets, headers: rsc("%5B1%2C2%5D") },
    { name: "router state null", method: "GET", path: "/signin", headers: rsc("null") },
    { name: "router state an object", method: "GET", path: tickets, headers: rsc("%7B%7D") },
  ];
  const failures: string[] = [];
  for (const c of cases) {
    let res = await raw(c, cookie);
    let label = `${c.name}: ${c.method} ${c.path.slice(0, 80)} → ${res.status}`;
    // A router-state request is first sent to its cache-busting address; what that answers counts.
    if (res.status === 307 && res.location.includes("_rsc=")) {
      res = await raw({ ...c, path: res.location }, cookie);
      label += ` ${res.status}`;
    }
    if (res.status !== 400) failures.push(`${label} ${res.body.slice(0, 120)}`);
    else if (!res.type.startsWith("text/plain")) failures.push(`${label}: answered ${res.type}, not plain text`);
    const after = await raw({ name: "the page itself", method: "GET", path: tickets }, cookie);
    if (after.status !== 200) failures.push(`${label}: then ${tickets} answered ${after.status}`);
  }
  expect(failures, failures.join("\n")).toEqual([]);
});
