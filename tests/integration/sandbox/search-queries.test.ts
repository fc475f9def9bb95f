/** Special fields, AND/OR groups, nesting and group limits, and refused queries. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ConversationRec, TicketRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import {
  bootSandbox,
  bySearchOrder,
  client,
  control,
  expectError,
  searchAll,
  searchPage,
  type Api,
} from "../../support/sandbox";

let sb: RunningSandbox;
let ws: Workspace;
let api: Api;
beforeAll(async () => {
  sb = await bootSandbox();
  ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  api = client(sb.url, sb.workspaces[0].access_token);
  expect((await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 })).status).toBe(200);
});
afterAll(() => sb.stop());

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
const ids = <T extends { id: string; created_at: number }>(recs: T[]) => [...recs].sort(bySearchOrder).map((r) => r.id);
const categoryOf = (t: TicketRec) => ws.ticketTypes.get(t.ticket_type_id)!.category;
/** The words of an HTML body, split here independently of the sandbox. */
const words = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .toLowerCase()
    .split(/[^a-z0-9'-]+/)
    .filter(Boolean);

describe("special fields", () => {
  it.each([
    ["request", "Customer"],
    ["task", "Back-office"],
    ["tracker", "Tracker"],
  ] as const)("ticket category term %s finds %s tickets", async (term, category) => {
    const got = await searchAll(api, "tickets", f("category", "=", term), 150);
    expect(got.ids).toEqual(ids([...ws.tickets.values()].filter((t) => categoryOf(t) === category)));
    expect(got.ids.length).toBeGreaterThan(0);
  });

  it("refuses category names instead of terms", async () => {
    expectError(
      await api("POST", "/tickets/search", { query: f("category", "=", "Customer") }),
      400,
      "parameter_invalid",
    );
    expectError(
      await api("POST", "/tickets/search", { query: f("category", "IN", ["request", "Back-office"]) }),
      400,
      "parameter_invalid",
    );
  });

  it("source.body matches single words, not phrases", async () => {
    const xss = [...ws.conversations.values()].find((c) => c.source.subject === "Screenshot of the error attached")!;
    expect(xss.source.body).toContain("the screenshot of the error");
    const hits = await searchAll(api, "conversations", f("source.body", "=", "screenshot"), 150);
    expect(hits.ids).toEqual(
      ids([...ws.conversations.values()].filter((c) => words(c.source.body).includes("screenshot"))),
    );
    expect(hits.ids).toContain(xss.id);
    expect((await searchPage(api, "conversations", f("source.body", "=", "the screenshot"))).total_count).toBe(0);
  });

  it("source.body = support finds bodies with the word support, and only those", async () => {
    const expected = [...ws.conversations.values()].filter((c) => words(c.source.body).includes("support"));
    const got = await searchAll(api, "conversations", f("source.body", "=", "support"), 150);
    expect(got.ids).toEqual(ids(expected));
    const phrase = await searchPage(api, "conversations", f("source.body", "=", "need support"));
    expect(phrase.total_count).toBe(0);
  });

  it("source.body matches whole words, not parts of words", async () => {
    // "port" is inside "support", "export" and "report"; as a word it appears in no body.
    const inside = [...ws.conversations.values()].filter((c) => c.source.body.toLowerCase().includes("port"));
    expect(inside.length).toBeGreaterThan(20);
    const got = await searchAll(api, "conversations", f("source.body", "=", "port"), 150);
    expect(got.ids).toEqual(ids([...ws.conversations.values()].filter((c) => words(c.source.body).includes("port"))));
    expect(got.ids.length).toBeLessThan(inside.length);
  });

  it("ticket_attribute.{id} only sees tickets of the attribute's type", async () => {
    const bug = [...ws.ticketTypes.values()].find((t) => t.name === "Bug report")!;
    const billing = [...ws.ticketTypes.values()].find((t) => t.name === "Billing question")!;
    const bugUsers = bug.attributes.find((a) => a.name === "Affected users")!;
    const got = await searchAll(api, "tickets", f(`ticket_attribute.${bugUsers.id}`, ">", 0), 150);
    expect(got.ids.length).toBeGreaterThan(0);
    expect(got.ids.every((id) => ws.tickets.get(id)!.ticket_type_id === bug.id)).toBe(true);
    expect(
      [...ws.tickets.values()].some(
        (t) => t.ticket_type_id === billing.id && typeof t.attributes["Affected users"] === "number",
      ),
    ).toBe(true);
  });

  it.each(["ticket_attribute.999", "ticket_attribute.", "custom_attributes.plan", "segment_id", "nope"])(
    "refuses %s as a ticket field",
    async (field) => {
      expectError(await api("POST", "/tickets/search", { query: f(field, "=", "x") }), 400, "parameter_invalid");
    },
  );

  it.each(["custom_attributes.nope", "custom_attributes.", "ticket_attribute.1", "tag_id"])(
    "refuses %s as a conversation field",
    async (field) => {
      expectError(await api("POST", "/conversations/search", { query: f(field, "=", "x") }), 400, "parameter_invalid");
    },
  );
});

describe("AND and OR groups", () => {
  it("nests two levels: open AND (priority OR reopened)", async () => {
    const query = {
      operator: "AND",
      value: [
        f("open", "=", true),
        { operator: "OR", value: [f("priority", "=", "priority"), f("statistics.count_reopens", ">", 1)] },
      ],
    };
    const expected = [...ws.conversations.values()].filter(
      (c: ConversationRec) => c.open && (c.priority !== "none" || c.statistics.count_reopens >= 1),
    );
    const got = await searchAll(api, "conversations", query, 150);
    expect(got.ids).toEqual(ids(expected));
    expect(got.ids.length).toBeGreaterThan(20);
  });

  it("(1 OR 2) AND (3 OR 4) on tickets", async () => {
    const query = {
      operator: "AND",
      value: [
        { operator: "OR", value: [f("state", "=", "submitted"), f("state", "=", "in_progress")] },
        { operator: "OR", value: [f("category", "=", "task"), f("category", "=", "tracker")] },
      ],
    };
    const expected = [...ws.tickets.values()].filter(
      (t) =>
        ["submitted", "in_progress"].includes(ws.ticketStates.get(t.ticket_state_id)!.category) &&
        categoryOf(t) !== "Customer",
    );
    expect((await searchAll(api, "tickets", query, 150)).ids).toEqual(ids(expected));
  });

  it("a single-filter group behaves as the filter", async () => {
    const a = await searchAll(api, "contacts", { operator: "OR", value: [f("role", "=", "lead")] }, 150);
    const b = await searchAll(api, "contacts", f("role", "=", "lead"), 150);
    expect(a.ids).toEqual(b.ids);
  });

  it("allows 2 levels of nesting and refuses 3", async () => {
    const leaf = f("open", "=", true);
    expect(
      (
        await api("POST", "/tickets/search", {
          query: { operator: "AND", value: [leaf, { operator: "OR", value: [leaf, leaf] }] },
        })
      ).status,
    ).toBe(200);
    const deep = {
      operator: "AND",
      value: [leaf, { operator: "OR", value: [leaf, { operator: "AND", value: [leaf, leaf] }] }],
    };
    for (const resource of ["tickets", "conversations", "contacts"]) {
      const q =
        resource === "contacts" ? JSON.parse(JSON.stringify(deep).replaceAll('"open"', '"has_hard_bounced"')) : deep;
      expectError(await api("POST", `/${resource}/search`, { query: q }), 400, "parameter_invalid", /nested/);
    }
  });

  it("allows 15 filters in a group and refuses 16, at the top and nested", async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => f("id", "!=", String(i)));
    expect((await api("POST", "/tickets/search", { query: { operator: "AND", value: many(15) } })).status).toBe(200);
    expect(
      (
        await api("POST", "/tickets/search", {
          query: { operator: "OR", value: [f("open", "=", true), { operator: "AND", value: many(15) }] },
        })
      ).status,
    ).toBe(200);
    expectError(
      await api("POST", "/tickets/search", { query: { operator: "AND", value: many(16) } }),
      400,
      "parameter_invalid",
      /15/,
    );
    expectError(
      await api("POST", "/tickets/search", {
        query: { operator: "OR", value: [f("open", "=", true), { operator: "AND", value: many(16) }] },
      }),
      400,
      "parameter_invalid",
      /15/,
    );
    expectError(
      await api("POST", "/contacts/search", { query: { operator: "OR", value: many(16) } }),
      400,
      "parameter_invalid",
      /15/,
    );
  });
});

describe("refused queries", () => {
  const refused: [string, unknown][] = [
    ["a date given foobar", { query: f("created_at", ">", "foobar") }],
    ["an integer given text", { query: f("statistics.count_reopens", "=", "two") }],
    ["a boolean given text", { query: f("open", "=", "yes") }],
    ["a string given a boolean", { query: f("state", "=", true) }],
    ["IN with a scalar", { query: f("state", "IN", "open") }],
    ["= with an array", { query: f("state", "=", ["open"]) }],
    ["IN with an empty array", { query: f("state", "IN", []) }],
    ["IN with a wrong-typed item", { query: f("created_at", "IN", [1, "x"]) }],
    ["an unknown operator", { query: f("state", "LIKE", "open") }],
    ["an unknown key in a filter", { query: { field: "state", operator: "=", value: "open", boost: 2 } }],
    ["a group with no filters", { query: { operator: "AND", value: [] } }],
    ["a group whose value is not an array", { query: { operator: "OR", value: f("state", "=", "open") } }],
    ["a query that is a string", { query: "state = open" }],
    ["an unknown top-level key", { query: f("state", "=", "open"), sort: "asc" }],
    ["pagination that is not an object", { query: f("state", "=", "open"), pagination: 5 }],
    ["an unknown pagination key", { query: f("state", "=", "open"), pagination: { page: 2 } }],
    ["a garbage cursor", { query: f("state", "=", "open"), pagination: { starting_after: "not-a-cursor" } }],
    ["per_page as text", { query: f("state", "=", "open"), pagination: { per_page: "20" } }],
  ];

  it.each(refused)("%s is a 400", async (_label, body) => {
    expectError(await api("POST", "/conversations/search", body), 400, "parameter_invalid");
  });

  it.each([
    ["value", { field: "state", operator: "=" }],
    ["field", { operator: "=", value: "open" }],
    ["operator", { field: "state", value: "open" }],
  ])("a filter without %s is parameter_not_found", async (name, query) => {
    expectError(
      await api("POST", "/conversations/search", { query }),
      400,
      "parameter_not_found",
      new RegExp(`^${name} is a required parameter`),
    );
  });

  it("a missing query is parameter_not_found", async () => {
    expectError(
      await api("POST", "/tickets/search", { pagination: { per_page: 5 } }),
      400,
      "parameter_not_found",
      "query is a required parameter",
    );
    expectError(await api("POST", "/tickets/search"), 400);
  });
});
