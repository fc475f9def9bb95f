/**
 * validate() against the real sandbox: for generated queries, valid and invalid, a query
 * passes validate exactly when POST /{resource}/search answers 200 with toIntercom(query).
 * A last table pins the places where validate is stricter than the API on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalogue, CatalogueField } from "@/lib/search/catalogue";
import { toIntercom } from "@/lib/search/convert";
import {
  MAX_FILTERS_PER_GROUP,
  OPERATORS,
  RESOURCES,
  isListOperator,
  type Operator,
  type Resource,
} from "@/lib/search/fields";
import {
  filterNode,
  groupNode,
  type ConvertContext,
  type FilterNode,
  type FilterValue,
  type SearchNode,
  type SearchQuery,
} from "@/lib/search/model";
import { validate } from "@/lib/search/validate";
import { randomFilter, randomQuery, scalarFor, seeded, type Rng } from "./generate";
import { sandboxWorkspace, type SandboxWorkspace } from "./sandbox-catalogue";

const VALID_PER_RESOURCE = 80;
const ROUNDS_OF_INVALID = 4;

let ws: SandboxWorkspace;
let ctx: ConvertContext;
beforeAll(async () => {
  ws = await sandboxWorkspace();
  ctx = { now: Math.floor(Date.now() / 1000), adminId: ws.adminId };
});
afterAll(() => ws.sb.stop());

interface Case {
  name: string;
  query: SearchQuery;
}

const fieldsWhere = (c: Catalogue, keep: (f: CatalogueField) => boolean) => c.fields.filter(keep);
const bad = (
  r: Rng,
  c: Catalogue,
  keep: (f: CatalogueField) => boolean,
  make: (f: CatalogueField) => FilterNode,
): FilterNode | null => {
  const fields = fieldsWhere(c, keep);
  return fields.length === 0 ? null : make(r.pick(fields));
};
const someOp = (r: Rng, f: CatalogueField, keep: (op: Operator) => boolean) => r.pick(f.operators!.filter(keep));

/** One bad filter of each kind that both validate and the API refuse. */
function badFilters(r: Rng, c: Catalogue): [string, FilterNode | null][] {
  const notIn = (f: CatalogueField) => OPERATORS.filter((op) => !f.operators!.includes(op));
  return [
    [
      "an operator the field refuses",
      bad(
        r,
        c,
        (f) => notIn(f).length > 0,
        (f) => {
          const op = r.pick(notIn(f));
          return filterNode(f.key, op, isListOperator(op) ? [scalarFor(r, f)] : scalarFor(r, f));
        },
      ),
    ],
    [
      "words for a number, date or boolean",
      bad(
        r,
        c,
        (f) => f.type !== "string",
        (f) =>
          filterNode(
            f.key,
            someOp(r, f, (op) => !isListOperator(op)),
            "foobar",
          ),
      ),
    ],
    [
      "a boolean for text",
      bad(
        r,
        c,
        (f) => f.type === "string" && f.key !== "segment_id",
        (f) => filterNode(f.key, "=", true),
      ),
    ],
    [
      "a fraction for an integer or date",
      bad(
        r,
        c,
        (f) => f.type === "integer" || f.type === "date",
        (f) => filterNode(f.key, "=", 1.5),
      ),
    ],
    [
      "a number for a boolean",
      bad(
        r,
        c,
        (f) => f.type === "boolean",
        (f) => filterNode(f.key, "!=", 1),
      ),
    ],
    [
      "a scalar for IN/NIN",
      bad(
        r,
        c,
        (f) => f.operators!.includes("IN"),
        (f) => filterNode(f.key, r.pick(["IN", "NIN"] as const), scalarFor(r, f)),
      ),
    ],
    [
      "an empty IN list",
      bad(
        r,
        c,
        (f) => f.operators!.includes("NIN"),
        (f) => filterNode(f.key, "NIN", []),
      ),
    ],
    [
      "a list for =",
      bad(
        r,
        c,
        () => true,
        (f) => filterNode(f.key, "=", [scalarFor(r, f)]),
      ),
    ],
    [
      "null for a comparison",
      bad(
        r,
        c,
        (f) => f.operators!.includes(">"),
        (f) => filterNode(f.key, r.pick(["<", ">"] as const), null),
      ),
    ],
    ["an unknown field", filterNode(r.pick(["colour", "statistics.nope", "source.body.words"]), "=", "x")],
    [
      "an attribute the workspace lacks",
      filterNode(c.resource === "tickets" ? "ticket_attribute.424242" : "custom_attributes.no_such_thing", "=", "x"),
    ],
    [
      "a category label",
      c.resource === "tickets"
        ? filterNode("category", r.pick(["=", "!="] as const), r.pick(["Customer", "Tracker", "customer"]))
        : null,
    ],
    ["an empty segment", c.resource === "contacts" ? filterNode("segment_id", "=", null) : null],
  ];
}

/** Puts a node at a random place in a valid query: the root or one of its groups. */
function plant(r: Rng, q: SearchQuery, node: SearchNode): SearchQuery {
  const groups = q.root.children.filter((n) => n.kind === "group" && n.children.length < MAX_FILTERS_PER_GROUP);
  const target = node.kind === "filter" && groups.length > 0 && r.chance(0.5) ? r.pick(groups) : q.root;
  if (target.kind !== "group") return q;
  if (target.children.length >= MAX_FILTERS_PER_GROUP) target.children.pop();
  target.children.splice(r.int(0, target.children.length), 0, node);
  return q;
}

function cases(resource: Resource, catalogue: Catalogue, seed: number): Case[] {
  const r = seeded(seed);
  const valid = () => randomQuery(r, catalogue, { relative: true, me: true });
  const out: Case[] = Array.from({ length: VALID_PER_RESOURCE }, (_, i) => ({ name: `valid #${i}`, query: valid() }));
  const filters = (n: number) => Array.from({ length: n }, () => randomFilter(r, catalogue, { relative: true }));
  for (let round = 0; round < ROUNDS_OF_INVALID; round++) {
    for (const [name, node] of badFilters(r, catalogue))
      if (node) out.push({ name: `${name} (${node.field} ${node.operator})`, query: plant(r, valid(), node) });
    out.push({ name: "3 levels of groups", query: plant(r, valid(), groupNode("OR", [groupNode("AND", filters(1))])) });
    out.push({ name: "16 filters in a nested group", query: plant(r, valid(), groupNode("AND", filters(16))) });
    out.push({ name: "an empty nested group", query: plant(r, valid(), groupNode("OR", [])) });
    out.push({ name: "16 filters in the root", query: { resource, root: groupNode("OR", filters(16)) } });
    out.push({ name: "15 filters in the root", query: { resource, root: groupNode("AND", filters(15)) } });
  }
  out.push({ name: "an empty root", query: { resource, root: groupNode("AND", []) } });
  return out;
}

async function inBatches<T, U>(items: T[], size: number, run: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

describe.each(RESOURCES.map((resource, i) => [resource, 7000 + i] as const))(
  "%s: validate agrees with the sandbox",
  (resource, seed) => {
    it("validate passes ⇔ the sandbox answers 200, for generated valid and invalid queries", async () => {
      const catalogue = ws.catalogues[resource];
      const all = cases(resource, catalogue, seed);
      const results = await inBatches(all, 12, async (c) => {
        const errors = validate(c.query, catalogue);
        const answer = await ws.search(resource, toIntercom(c.query, ctx));
        return { name: c.name, errors: errors.map((e) => e.message), ...answer };
      });
      const disagreements = results.filter((x) => (x.errors.length === 0) !== (x.status === 200));
      expect(disagreements).toEqual([]);
      for (const x of results) expect([200, 400], x.name).toContain(x.status);
      const accepted = results.filter((x) => x.status === 200).length;
      expect(accepted).toBeGreaterThanOrEqual(VALID_PER_RESOURCE);
      expect(results.length - accepted).toBeGreaterThan(ROUNDS_OF_INVALID * 10);
    });
  },
);

describe("where validate is stricter than the API, on purpose", () => {
  const one = (resource: Resource, field: string, operator: Operator, value: FilterValue): SearchQuery => ({
    resource,
    root: groupNode("AND", [filterNode(field, operator, value)]),
  });
  const defaultTitleId = () => ws.ticketTypes[0].ticket_type_attributes.find((a) => a.name === "_default_title_")!.id;

  it.each([
    ["empty text", () => one("tickets", "default_title", "~", "")],
    ["blank text", () => one("conversations", "source.subject", "=", "  ")],
    ["a number for a text field", () => one("tickets", "id", "=", 42)],
    ["digits in a string for a date", () => one("tickets", "created_at", ">", "1700000000")],
    ["digits in a string for an integer", () => one("conversations", "statistics.count_reopens", ">", "2")],
    ["'true' in a string for a boolean", () => one("conversations", "read", "=", "true")],
    ["a date before 1970", () => one("tickets", "updated_at", "<", -5)],
    ["empty in an IN list", () => one("conversations", "tag_ids", "IN", ["1", null])],
    ["a relative date on a text field", () => one("tickets", "default_title", "=", { relative: -60 })],
    [
      "a relative date on an integer field",
      () => one("conversations", "statistics.count_reopens", ">", { relative: -60 }),
    ],
    ["me on a contact field", () => one("tickets", "contact_ids", "=", { me: true })],
    ["me on a date field", () => one("contacts", "last_seen_at", ">", { me: true })],
    [
      "a default attribute by id (default_title covers it)",
      () => one("tickets", `ticket_attribute.${defaultTitleId()}`, "~", "x"),
    ],
    [
      "more than 200 values (storage limit)",
      () =>
        one(
          "tickets",
          "id",
          "IN",
          Array.from({ length: 201 }, (_, i) => String(i)),
        ),
    ],
    ["text over 1000 characters (storage limit)", () => one("tickets", "default_title", "~", "x".repeat(1001))],
  ] as const)("%s: validate refuses, the API accepts", async (_name, make) => {
    const query = make();
    expect(validate(query, ws.catalogues[query.resource])).toHaveLength(1);
    expect(await ws.search(query.resource, toIntercom(query, ctx))).toEqual({ status: 200, message: undefined });
  });
});
