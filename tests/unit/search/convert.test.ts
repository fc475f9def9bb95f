import { describe, expect, it } from "vitest";
import { defaultQuery, fromIntercom, resolveQuery, toIntercom, toSearchRequest } from "@/lib/search/convert";
import { RESOURCES, type Resource } from "@/lib/search/fields";
import { filterNode, groupNode, stripIds, type SearchQuery } from "@/lib/search/model";
import { validate } from "@/lib/search/validate";
import { CATALOGUES, CTX } from "./fixtures";

const q = (resource: Resource, ...children: Parameters<typeof groupNode>[1]): SearchQuery => ({
  resource,
  root: groupNode("AND", children),
});

describe("toIntercom", () => {
  it("writes the exact API JSON, keeping a group of one and the order of rows", () => {
    const query: SearchQuery = {
      resource: "tickets",
      root: groupNode("OR", [
        filterNode("open", "=", true),
        groupNode("AND", [filterNode("category", "IN", ["request", "task"])]),
        filterNode("default_title", "~", "refund"),
      ]),
    };
    expect(toIntercom(query, CTX)).toEqual({
      operator: "OR",
      value: [
        { field: "open", operator: "=", value: true },
        { operator: "AND", value: [{ field: "category", operator: "IN", value: ["request", "task"] }] },
        { field: "default_title", operator: "~", value: "refund" },
      ],
    });
    expect(JSON.stringify(toIntercom(q("tickets", filterNode("open", "=", true)), CTX))).toBe(
      '{"operator":"AND","value":[{"field":"open","operator":"=","value":true}]}',
    );
  });

  it("resolves relative dates from ctx.now and me to ctx.adminId", () => {
    const query = q(
      "tickets",
      filterNode("updated_at", "<", { relative: -3 * 86_400 }),
      filterNode("snoozed_until", ">", { relative: 3600 }),
      filterNode("admin_assignee_id", "=", { me: true }),
      filterNode("snoozed_until", "=", null),
    );
    expect(toIntercom(query, CTX)).toEqual({
      operator: "AND",
      value: [
        { field: "updated_at", operator: "<", value: CTX.now - 3 * 86_400 },
        { field: "snoozed_until", operator: ">", value: CTX.now + 3600 },
        { field: "admin_assignee_id", operator: "=", value: CTX.adminId },
        { field: "snoozed_until", operator: "=", value: null },
      ],
    });
  });

  it("sends me as a number to the integer owner_id of contacts", () => {
    expect(toIntercom(q("contacts", filterNode("owner_id", "=", { me: true })), CTX)).toEqual({
      operator: "AND",
      value: [{ field: "owner_id", operator: "=", value: Number(CTX.adminId) }],
    });
  });

  it("does not share arrays with the builder's tree", () => {
    const values = ["request"];
    const out = toIntercom(q("tickets", filterNode("category", "IN", values)), CTX) as { value: { value: string[] }[] };
    out.value[0].value.push("task");
    expect(values).toEqual(["request"]);
  });

  it("builds a whole request body, and resolveQuery gives the tree toIntercom sends", () => {
    const query = q("tickets", filterNode("updated_at", "<", { relative: -60 }));
    expect(toSearchRequest(query, CTX)).toEqual({ query: toIntercom(query, CTX) });
    expect(toSearchRequest(query, CTX, { per_page: 50 })).toEqual({
      query: toIntercom(query, CTX),
      pagination: { per_page: 50 },
    });
    const resolved = resolveQuery(query, CTX);
    expect(resolved.root.id).toBe(query.root.id);
    expect(stripIds(resolved.root)).toEqual({
      operator: "AND",
      children: [{ field: "updated_at", operator: "<", value: CTX.now - 60 }],
    });
  });
});

describe("defaultQuery", () => {
  it.each(RESOURCES)("%s: valid against the catalogue", (resource) => {
    expect(validate(defaultQuery(resource), CATALOGUES[resource])).toEqual([]);
  });

  it("is open tickets, open conversations and users", () => {
    expect(toIntercom(defaultQuery("tickets"), CTX)).toEqual({
      operator: "AND",
      value: [{ field: "open", operator: "=", value: true }],
    });
    expect(toIntercom(defaultQuery("conversations"), CTX)).toEqual({
      operator: "AND",
      value: [{ field: "open", operator: "=", value: true }],
    });
    expect(toIntercom(defaultQuery("contacts"), CTX)).toEqual({
      operator: "AND",
      value: [{ field: "role", operator: "=", value: "user" }],
    });
  });
});

describe("fromIntercom", () => {
  const from = (json: unknown, resource: Resource = "tickets") => fromIntercom(json, resource, CATALOGUES[resource]);
  const tree = (json: unknown, resource: Resource = "tickets") => {
    const result = from(json, resource);
    if (!result.ok) throw new Error(result.reason);
    return stripIds(result.query.root);
  };

  it("reads a group", () => {
    const json = {
      operator: "OR",
      value: [
        { field: "open", operator: "=", value: false },
        { operator: "AND", value: [{ field: "state", operator: "=", value: "resolved" }] },
      ],
    };
    expect(tree(json)).toEqual({
      operator: "OR",
      children: [
        { field: "open", operator: "=", value: false },
        { operator: "AND", children: [{ field: "state", operator: "=", value: "resolved" }] },
      ],
    });
  });

  it("wraps a single filter in a root AND group", () => {
    expect(tree({ field: "open", operator: "=", value: true })).toEqual({
      operator: "AND",
      children: [{ field: "open", operator: "=", value: true }],
    });
  });

  it("takes the query of a whole request body", () => {
    const body = { query: { field: "role", operator: "=", value: "lead" }, pagination: { per_page: 5 } };
    expect(tree(body, "contacts")).toEqual({
      operator: "AND",
      children: [{ field: "role", operator: "=", value: "lead" }],
    });
    expect(
      tree({ query: { operator: "AND", value: [{ field: "role", operator: "=", value: "lead" }] } }, "contacts"),
    ).toMatchObject({ operator: "AND" });
  });

  it("normalises loosely typed values the way Intercom accepts them (its docs write dates as strings)", () => {
    const json = {
      operator: "AND",
      value: [
        { field: "created_at", operator: ">", value: "1306054154" },
        { field: "open", operator: "=", value: "true" },
        { field: "id", operator: "IN", value: [123, "456"] },
        { field: "ticket_attribute.9106", operator: "<", value: "2.5" },
      ],
    };
    expect(tree(json)).toEqual({
      operator: "AND",
      children: [
        { field: "created_at", operator: ">", value: 1306054154 },
        { field: "open", operator: "=", value: true },
        { field: "id", operator: "IN", value: ["123", "456"] },
        { field: "ticket_attribute.9106", operator: "<", value: 2.5 },
      ],
    });
  });

  it("gives fresh ids", () => {
    const a = from({ field: "open", operator: "=", value: true });
    const b = from({ field: "open", operator: "=", value: true });
    expect(a.ok && b.ok && a.query.root.id !== b.query.root.id).toBe(true);
  });

  const filter = (field: string, operator: string, value: unknown) => ({ field, operator, value });
  const sixteen = Array.from({ length: 16 }, () => filter("open", "=", true));

  it.each([
    ["a string", "open = true", "A search query must be a JSON object", undefined],
    ["null", null, "A search query must be a JSON object", undefined],
    ["an array", [filter("open", "=", true)], "A search query must be a JSON object", undefined],
    [
      "a body with extra keys",
      { query: filter("open", "=", true), sort: {} },
      "Unknown key 'sort' in the search request — it has only query and pagination",
      undefined,
    ],
    ["a body whose query is a list", { query: [] }, "The request's query must be a JSON object", undefined],
    [
      "a filter with an extra key",
      { operator: "AND", value: [{ ...filter("open", "=", true), negate: true }] },
      "Unknown key 'negate' in a filter — a filter has only field, operator and value",
      [0],
    ],
    [
      "a group with an extra key",
      { operator: "AND", value: [filter("open", "=", true)], label: "x" },
      "Unknown key 'label' in a group — a group has only operator and value",
      [],
    ],
    ["a filter without a field", { operator: "=", value: true }, "A filter needs a field name", [0]],
    [
      "a filter with a numeric field",
      { operator: "AND", value: [filter("open", "=", true), { field: 7, operator: "=", value: 1 }] },
      "A filter needs a field name",
      [1],
    ],
    ["a filter without an operator", { field: "open", value: true }, "The filter on 'open' needs an operator", [0]],
    [
      "an unknown operator",
      { operator: "AND", value: [filter("open", "==", true)] },
      "'==' is not a search operator",
      [0],
    ],
    ["a filter without a value", { field: "open", operator: "=" }, "The filter on 'open' needs a value", [0]],
    [
      "an object value",
      filter("created_at", ">", { relative: -60 }),
      "The value for 'created_at' must be text, a number, true or false, null, or a list of those",
      [0],
    ],
    [
      "a nested list value",
      filter("id", "IN", [["1"]]),
      "The value for 'id' must be text, a number, true or false, null, or a list of those",
      [0],
    ],
    [
      "a child that is not an object",
      { operator: "OR", value: [filter("open", "=", true), "open"] },
      expect.stringContaining("must be an object"),
      [1],
    ],
    [
      "a group without a list",
      { operator: "AND", value: filter("open", "=", true) },
      "An AND group needs a list of filters as its value",
      [],
    ],
    ["an unknown field", filter("colour", "=", "red"), "'colour' is not a field you can search tickets by", [0]],
    [
      "a field of another resource",
      filter("tag_ids", "IN", ["1"]),
      "'tag_ids' is not a field you can search tickets by",
      [0],
    ],
    ["an operator the field refuses", filter("open", "~", "t"), "'Open' can't be searched with \"contains\"", [0]],
    ["a date given words", filter("created_at", ">", "foobar"), "'Created' takes a date", [0]],
    ["a boolean given yes", filter("open", "=", "yes"), "'Open' takes true or false", [0]],
    [
      "a fractional integer",
      filter("ticket_attribute.9103", ">", 1.5),
      "'Bug report · Affected users' takes a whole number",
      [0],
    ],
    ["IN without a list", filter("id", "IN", "1"), "'Ticket ID' needs a list of values for \"is any of\"", [0]],
    ["an empty IN list", filter("id", "NIN", []), "'Ticket ID' needs at least one value", [0]],
    [
      "a list with =",
      filter("id", "=", ["1"]),
      "'Ticket ID' takes a single value here — use \"is any of\" to match several",
      [0],
    ],
    ["null with >", filter("created_at", ">", null), "'Created' needs a value", [0]],
    [
      "a category label instead of its term",
      filter("category", "=", "Customer"),
      "'Category' takes Customer, Back-office or Tracker",
      [0],
    ],
    ["empty text", filter("default_title", "~", ""), "'Title' needs a value", [0]],
    ["an empty root", { operator: "AND", value: [] }, "Add at least one filter", []],
    [
      "an empty nested group",
      { operator: "AND", value: [filter("open", "=", true), { operator: "OR", value: [] }] },
      "This group is empty — add a filter or remove the group",
      [1],
    ],
    ["16 filters", { operator: "AND", value: sixteen }, "A group can hold at most 15 filters — this one has 16", []],
    [
      "16 filters in a nested group",
      { operator: "AND", value: [{ operator: "OR", value: sixteen }] },
      "A group can hold at most 15 filters — this one has 16",
      [0],
    ],
    [
      "3 levels of groups",
      {
        operator: "AND",
        value: [
          {
            operator: "OR",
            value: [filter("open", "=", true), { operator: "AND", value: [filter("open", "=", true)] }],
          },
        ],
      },
      "Groups can be nested at most 2 levels deep",
      [0, 1],
    ],
  ] as const)("refuses %s", (_name, json, reason, path) => {
    const result = from(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toEqual(reason);
    expect(result.path).toEqual(path);
  });

  it("refuses a very deep paste without recursing through it", () => {
    let json: unknown = filter("open", "=", true);
    for (let i = 0; i < 50_000; i++) json = { operator: "AND", value: [json] };
    expect(from(json)).toEqual({ ok: false, reason: "Groups can be nested at most 2 levels deep", path: [0, 0] });
  });

  it("refuses a catalogue of another resource", () => {
    expect(fromIntercom({ field: "open", operator: "=", value: true }, "tickets", CATALOGUES.contacts)).toEqual({
      ok: false,
      reason: "These fields are for contacts, not tickets",
    });
  });
});
