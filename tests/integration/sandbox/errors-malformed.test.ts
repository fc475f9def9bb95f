/**
 * Malformed and nonsensical bodies on every endpoint that takes one: always an Intercom
 * error.list (never a 500, never a crash), rate-limit headers included, nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectError, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
let ws: Workspace;
const logged: string[] = [];
let T: string;
let C: string;
let TAG: string;
beforeAll(async () => {
  sb = await bootSandbox({ log: (line) => logged.push(line) });
  api = client(sb.url, sb.workspaces[0].access_token, "2.16");
  ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  T = ws.orderedTickets().find((t) => t.tags.length > 0)!.id;
  C = ws.orderedConversations().find((c) => c.tags.length > 0 && c.ticket_id === null)!.id;
  TAG = ws.tickets.get(T)!.tags[0].id;
  expect((await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 })).status).toBe(200);
});
afterAll(async () => {
  await sb.stop();
});

/** Endpoints that read a body, with a body that would succeed. */
const endpoints = (): [string, string, Record<string, unknown>][] => {
  const admin = ws.info.owner_admin_id;
  const type = ws.tickets.get(T)!.ticket_type_id;
  const sibling = [...ws.ticketTypes.values()].find(
    (t) => t.id !== type && t.category === ws.ticketTypes.get(type)!.category && !t.archived,
  )!;
  const customer = [...ws.ticketTypes.values()].find((t) => t.name === "Billing question")!;
  return [
    ["PUT", `/tickets/${T}`, { open: true, ticket_attributes: { _default_title_: "x" } }],
    ["DELETE", `/tickets/${T}`, {}],
    ["POST", `/tickets/${T}/reply`, { message_type: "note", type: "admin", admin_id: admin, body: "x" }],
    ["POST", `/tickets/${T}/tags`, { id: TAG, admin_id: admin }],
    ["DELETE", `/tickets/${T}/tags/${TAG}`, { admin_id: admin }],
    ["POST", `/tickets/${T}/change_type`, { ticket_type_id: sibling.id, ticket_state_id: sibling.state_ids[0] }],
    ["POST", "/tickets/search", { query: { field: "open", operator: "=", value: true } }],
    ["PUT", `/conversations/${C}`, { read: true, custom_attributes: { issue_type: "Bug" } }],
    ["POST", `/conversations/${C}/reply`, { message_type: "note", type: "admin", admin_id: admin, body: "x" }],
    ["POST", `/conversations/${C}/parts`, { message_type: "open", admin_id: admin }],
    ["POST", `/conversations/${C}/tags`, { id: TAG, admin_id: admin }],
    ["DELETE", `/conversations/${C}/tags/${TAG}`, { admin_id: admin }],
    [
      "POST",
      "/conversations/redact",
      { type: "source", conversation_id: C, source_id: ws.conversations.get(C)!.source.id },
    ],
    ["POST", `/conversations/${C}/convert`, { ticket_type_id: customer.id, attributes: { "Invoice number": "INV-1" } }],
    ["POST", "/conversations/search", { query: { field: "open", operator: "=", value: true } }],
    ["POST", "/contacts/search", { query: { field: "role", operator: "=", value: "user" } }],
  ];
};

async function snapshot() {
  return [(await api("GET", `/tickets/${T}`)).body, (await api("GET", `/conversations/${C}`)).body, ws.tickets.size];
}

describe("malformed JSON and bodies that are not objects", () => {
  const bodies: [string, string][] = [
    ["truncated JSON", '{"query": {"field": "open"'],
    ["a trailing comma", '{"a": 1,}'],
    ["single quotes", "{'a': 1}"],
    ["an array", "[]"],
    ["a string", '"hello"'],
    ["a number", "42"],
    ["null", "null"],
    ["true", "true"],
  ];

  it.each(bodies)(
    "%s is a 400 error.list with rate-limit headers on every endpoint, changing nothing",
    async (label, raw) => {
      const before = await snapshot();
      const malformed = ["truncated JSON", "a trailing comma", "single quotes"].includes(label);
      // DELETE /tickets/{id} takes no body: a well-formed one is ignored, a malformed one refused.
      for (const [method, path] of endpoints().filter(
        ([m, p]) => malformed || !(m === "DELETE" && p === `/tickets/${T}`),
      )) {
        const res = await api(method, path, raw);
        expectError(res, 400, undefined);
        expect(res.headers.get("x-ratelimit-limit"), `${method} ${path}`).toBeTruthy();
        expect(res.headers.get("x-ratelimit-remaining"), `${method} ${path}`).toBeTruthy();
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it("a body that is not JSON at all says so", async () => {
    expectError(await api("PUT", `/tickets/${T}`, "open=false"), 400, "parameter_invalid", /JSON/);
  });

  it("a missing body on an endpoint that needs one is a 400", async () => {
    for (const [method, path] of endpoints().filter(([m, p]) => !(m === "DELETE" && p === `/tickets/${T}`))) {
      expectError(await api(method, path), 400, undefined);
    }
  });

  it("an oversized body is refused with an error.list, and the connection stays usable", async () => {
    const big = JSON.stringify({ query: { field: "id", operator: "=", value: "x".repeat(3 * 1024 * 1024) } });
    const res = await api("POST", "/tickets/search", big);
    expect(res.status).toBe(413);
    errorSchema.parse(res.body);
    expect(res.headers.get("x-ratelimit-limit")).toBeTruthy();
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect((await api("GET", "/me")).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });
});

describe("nonsense values in every field never cause a 500", () => {
  const weird: unknown[] = [
    null,
    [],
    {},
    "",
    -1,
    1.5,
    1e300,
    true,
    "x",
    "0",
    [null],
    { a: { b: [] } },
    "😀".repeat(50),
  ];

  it("each field of each endpoint, given each odd value", async () => {
    let requests = 0;
    for (const [method, path, base] of endpoints()) {
      for (const key of [...Object.keys(base), "extra"]) {
        for (const value of weird) {
          const res = await api(method, path, { ...base, [key]: value });
          requests++;
          expect(res.status, `${method} ${path} ${key}=${JSON.stringify(value)}`).toBeLessThan(500);
          if (res.status >= 400) errorSchema.parse(res.body);
        }
        await control(sb.url)("POST", "/sandbox/reset");
        await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 });
        ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(logged).toEqual([]);
  });

  it("odd paths and methods are 404s, never 500s", async () => {
    for (const path of [
      "/tickets/%E0%A4%A",
      "/tickets/..%2Fadmins",
      "/tickets//reply",
      `/tickets/${T}/reply/extra`,
      "/conversations/%00",
      "/contacts/" + "a".repeat(5000),
    ]) {
      for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH"]) {
        const res = await api(method, path, method === "GET" ? undefined : {});
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        errorSchema.parse(res.body);
      }
    }
    expect(logged).toEqual([]);
  });
});
