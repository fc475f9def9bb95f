/** Structure and limits, and the special value rules: relative dates, "me", "is empty", category terms. */
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "@/lib/search/catalogue";
import type { Operator } from "@/lib/search/fields";
import { filterNode, groupNode, type FilterValue, type SearchNode, type SearchQuery } from "@/lib/search/model";
import { acceptsMe, acceptsNull, acceptsRelative, filterError, validate } from "@/lib/search/validate";
import { CATALOGUES } from "./fixtures";

const open = () => filterNode("open", "=", true);
const tickets = (...children: SearchNode[]): SearchQuery => ({ resource: "tickets", root: groupNode("AND", children) });
const check = (q: SearchQuery) => validate(q, CATALOGUES.tickets);
const messages = (q: SearchQuery) => check(q).map((e) => e.message);

describe("structure and limits", () => {
  it("accepts a single filter", () => {
    expect(check(tickets(open()))).toEqual([]);
  });

  it("refuses an empty root, at the root", () => {
    const q = tickets();
    expect(check(q)).toEqual([{ path: [], nodeId: q.root.id, message: "Add at least one filter" }]);
  });

  it("refuses an empty nested group, at the group", () => {
    const empty = groupNode("OR", []);
    expect(check(tickets(open(), empty))).toEqual([
      { path: [1], nodeId: empty.id, message: "This group is empty — add a filter or remove the group" },
    ]);
  });

  it("accepts 2 levels of nesting and refuses 3", () => {
    expect(check(tickets(groupNode("OR", [open(), open()])))).toEqual([]);
    const deep = groupNode("AND", [open()]);
    expect(check(tickets(open(), groupNode("OR", [open(), deep])))).toEqual([
      { path: [1, 1], nodeId: deep.id, message: "Groups can be nested at most 2 levels deep" },
    ]);
  });

  it("accepts 15 filters in a group and refuses 16, in the root and in a nested group", () => {
    const many = (n: number) => Array.from({ length: n }, open);
    expect(check(tickets(...many(15)))).toEqual([]);
    expect(check(tickets(open(), groupNode("AND", many(15))))).toEqual([]);
    const q = tickets(...many(16));
    expect(check(q)).toEqual([
      { path: [], nodeId: q.root.id, message: "A group can hold at most 15 filters — this one has 16" },
    ]);
    const nested = groupNode("OR", many(16));
    expect(check(tickets(open(), nested))).toEqual([
      { path: [1], nodeId: nested.id, message: "A group can hold at most 15 filters — this one has 16" },
    ]);
  });

  it("reports every problem in tree order, each with its path", () => {
    const a = filterNode("", "=", "x");
    const b = filterNode("created_at", ">", "yesterday");
    const c = filterNode("tag_ids", "IN", []);
    const q = tickets(a, groupNode("OR", [open(), b]), c);
    expect(check(q)).toEqual([
      { path: [0], nodeId: a.id, message: "Choose a field" },
      { path: [1, 1], nodeId: b.id, message: "'Created' takes a date" },
      { path: [2], nodeId: c.id, message: "'tag_ids' is not a field you can search tickets by" },
    ]);
    const tag = filterNode("tag_ids", "IN", []);
    expect(validate({ resource: "conversations", root: groupNode("AND", [tag]) }, CATALOGUES.conversations)).toEqual([
      { path: [0], nodeId: tag.id, message: "'Tag' needs at least one value" },
    ]);
  });

  it("names attributes that have gone from the workspace", () => {
    expect(messages(tickets(filterNode("ticket_attribute.424242", "=", "x")))).toEqual([
      "The attribute 'ticket_attribute.424242' is archived or no longer exists in this workspace",
    ]);
    // The files attribute (9107) and archived attribute (9108) of the fixtures are not searchable.
    expect(messages(tickets(filterNode("ticket_attribute.9107", "=", "x")))).toHaveLength(1);
    expect(messages(tickets(filterNode("ticket_attribute.9108", "=", "x")))).toHaveLength(1);
    // Without the workspace's lists, dynamic fields are unknown too.
    expect(validate(tickets(filterNode("ticket_attribute.9102", "=", "x")), buildCatalogue("tickets"))).toHaveLength(1);
    expect(check(tickets(filterNode("ticket_attribute.9201", "=", "x")))).toEqual([]); // archived type: still searchable
  });

  it("refuses an unknown operator and a query checked against another resource's fields", () => {
    expect(messages(tickets(filterNode("open", "==" as Operator, true)))).toEqual(["Choose an operator"]);
    const q = tickets(open());
    expect(validate(q, CATALOGUES.contacts)).toEqual([
      { path: [], nodeId: q.root.id, message: "This search is for tickets but the fields are for contacts" },
    ]);
  });

  it("refuses malformed nodes from untyped input", () => {
    const bad = { kind: "row", id: "x" } as unknown as SearchNode;
    expect(check(tickets(open(), bad))).toEqual([
      { path: [1], nodeId: "x", message: "This row is neither a filter nor a group" },
    ]);
    const g = { ...groupNode("AND", [open()]), operator: "XOR" } as unknown as SearchNode;
    expect(messages(tickets(g))).toEqual(["Choose whether the group matches all (AND) or any (OR) of its filters"]);
  });
});

describe("value rules", () => {
  const one = (
    field: string,
    operator: Operator,
    value: FilterValue,
    resource: "tickets" | "conversations" | "contacts" = "tickets",
  ) =>
    validate({ resource, root: groupNode("AND", [filterNode(field, operator, value)]) }, CATALOGUES[resource]).map(
      (e) => e.message,
    );

  it("takes ticket category terms only", () => {
    for (const term of ["request", "task", "tracker"]) expect(one("category", "=", term)).toEqual([]);
    expect(one("category", "IN", ["request", "tracker"])).toEqual([]);
    expect(one("category", "=", null)).toEqual([]);
    for (const bad of ["Customer", "customer", "REQUEST", "back-office"])
      expect(one("category", "=", bad)).toEqual(["'Category' takes Customer, Back-office or Tracker"]);
    expect(one("category", "NIN", ["task", "Tracker"])).toEqual(["'Category' takes Customer, Back-office or Tracker"]);
    expect(one("category", "~", "req")).toEqual(["'Category' takes Customer, Back-office or Tracker"]);
  });

  it("takes relative dates on date fields of every resource", () => {
    expect(one("created_at", ">", { relative: -3 * 86_400 })).toEqual([]);
    expect(one("waiting_since", "<", { relative: 3600 }, "conversations")).toEqual([]);
    expect(one("last_seen_at", "=", { relative: 0 }, "contacts")).toEqual([]);
    expect(one("custom_attributes.renewal_date", ">", { relative: -60 }, "contacts")).toEqual([]);
    expect(one("ticket_attribute.9105", ">", { relative: -60 })).toEqual([]);
    expect(one("default_title", "=", { relative: -60 })).toEqual(["'Title' can't be relative to now — only dates can"]);
    expect(one("created_at", "IN", [{ relative: -60 }] as unknown as FilterValue)).toEqual(["'Created' takes a date"]);
  });

  it("takes me on teammate fields only", () => {
    expect(one("admin_assignee_id", "=", { me: true })).toEqual([]);
    expect(one("teammate_ids", "!=", { me: true })).toEqual([]);
    expect(one("statistics.last_closed_by_id", "=", { me: true }, "conversations")).toEqual([]);
    expect(one("owner_id", "=", { me: true }, "contacts")).toEqual([]);
    expect(one("team_assignee_id", "=", { me: true })).toEqual([
      "'Assignee (team)' can't be \"me\" — only teammate fields can",
    ]);
    expect(one("contact_ids", "=", { me: true })).toEqual(["'Contact' can't be \"me\" — only teammate fields can"]);
    expect(one("admin_assignee_id", "IN", { me: true })).toEqual([
      "'Assignee (teammate)' needs a list of values for \"is any of\"",
    ]);
    expect(one("admin_assignee_id", "=", { me: false } as unknown as FilterValue)).toEqual([
      "'Assignee (teammate)' has a value that can't be searched",
    ]);
  });

  it("takes null (is empty / is not empty) with = and != only, and never for a segment", () => {
    expect(one("snoozed_until", "=", null)).toEqual([]);
    expect(one("snoozed_until", "!=", null)).toEqual([]);
    expect(one("snoozed_until", ">", null)).toEqual(["'Snoozed until' needs a value"]);
    expect(one("default_title", "~", null)).toEqual(["'Title' needs a value"]);
    expect(one("segment_id", "=", null, "contacts")).toEqual(["'Segment' needs a value"]);
    expect(one("tag_id", "=", null, "contacts")).toEqual([]);
  });

  it("refuses empty text everywhere, including list items", () => {
    expect(one("default_title", "~", "")).toEqual(["'Title' needs a value"]);
    expect(one("id", "IN", ["1", " "])).toEqual(["'Ticket ID' needs a value"]);
  });

  it("exposes the same rules per row for the builder", () => {
    const tickets = CATALOGUES.tickets;
    expect(filterError(filterNode("open", "=", "yes"), tickets)).toBe("'Open' takes true or false");
    expect(filterError(filterNode("open", "=", true), tickets)).toBeNull();
    const created = tickets.get("created_at")!;
    expect([
      acceptsRelative(created, ">"),
      acceptsRelative(created, "IN"),
      acceptsRelative(tickets.get("open")!, "="),
    ]).toEqual([true, false, false]);
    const assignee = tickets.get("admin_assignee_id")!;
    expect([
      acceptsMe(assignee, "="),
      acceptsMe(assignee, "NIN"),
      acceptsMe(tickets.get("team_assignee_id")!, "="),
    ]).toEqual([true, false, false]);
    expect([
      acceptsNull("tickets", created, "="),
      acceptsNull("tickets", created, "<"),
      acceptsNull("contacts", { key: "segment_id" }, "="),
    ]).toEqual([true, false, false]);
  });
});
