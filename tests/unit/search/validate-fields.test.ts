/**
 * Every operator against every field of every resource (static fields and dynamic fields of
 * each type), table-driven from the catalogue: allowed pairs accept well-typed values and
 * refuse badly typed ones, refused pairs are refused, always with the row's path and id.
 */
import { describe, expect, it } from "vitest";
import type { CatalogueField } from "@/lib/search/catalogue";
import { defaultQuery } from "@/lib/search/convert";
import {
  OPERATORS,
  RESOURCES,
  isListOperator,
  type FieldType,
  type Operator,
  type Resource,
} from "@/lib/search/fields";
import { filterNode, groupNode, type FilterNode, type FilterValue, type SearchQuery } from "@/lib/search/model";
import { validate } from "@/lib/search/validate";
import { CATALOGUES } from "./fixtures";

const GOOD: Record<FieldType, [FilterValue, FilterValue]> = {
  string: ["refund", "naïve café"],
  integer: [42, -7],
  float: [1.5, 3],
  date: [1_700_000_000, 0],
  boolean: [true, false],
};

/** Values of the wrong type (or empty text), and what the lead is told. */
const BAD: Record<FieldType, [unknown, RegExp][]> = {
  string: [
    [42, /takes text$/],
    [true, /takes text$/],
    ["", /needs a value$/],
    ["   ", /needs a value$/],
    ["x".repeat(1001), /at most 1000 characters/],
  ],
  integer: [
    [1.5, /takes a whole number$/],
    ["12", /takes a whole number$/],
    [true, /takes a whole number$/],
    [Number.NaN, /takes a whole number$/],
  ],
  float: [
    ["1.5", /takes a number$/],
    [Number.POSITIVE_INFINITY, /takes a number$/],
    [Number.NaN, /takes a number$/],
    [false, /takes a number$/],
  ],
  date: [
    [-1, /takes a date$/],
    [1.5, /takes a date$/],
    ["1700000000", /takes a date$/],
    [true, /takes a date$/],
  ],
  boolean: [
    ["true", /takes true or false$/],
    [1, /takes true or false$/],
    [0, /takes true or false$/],
  ],
};

function goodValues(field: CatalogueField): [FilterValue, FilterValue] {
  if (field.source && typeof field.source === "object") {
    const e = field.source.enum;
    return [e[0].value, e[e.length - 1].value];
  }
  return GOOD[field.type];
}

/** The filter under test sits second in the root, inside an OR group: path [1, 0]. */
function placed(resource: Resource, node: FilterNode): SearchQuery {
  const q = defaultQuery(resource);
  q.root.children.push(groupNode("OR", [node]));
  return q;
}

function check(resource: Resource, field: CatalogueField, op: Operator, value: unknown, expected: RegExp | null): void {
  const node = filterNode(field.key, op, value as FilterValue);
  const errors = validate(placed(resource, node), CATALOGUES[resource]);
  const what = `${resource} ${field.key} ${op} ${JSON.stringify(value)?.slice(0, 40)}`;
  if (expected === null) {
    expect(errors, what).toEqual([]);
    return;
  }
  expect(errors, what).toHaveLength(1);
  expect(errors[0].path, what).toEqual([1, 0]);
  expect(errors[0].nodeId, what).toBe(node.id);
  expect(errors[0].message, what).toMatch(expected);
  expect(errors[0].message, what).toContain(`'${field.label}'`);
}

function checkPair(resource: Resource, field: CatalogueField, op: Operator): void {
  const [a, b] = goodValues(field);
  const allowed = field.operators!.includes(op);
  if (!allowed) {
    check(resource, field, op, isListOperator(op) ? [a] : a, /can't be searched with "/);
    return;
  }
  const relative = { relative: -86_400 };
  const me = { me: true };
  if (isListOperator(op)) {
    check(resource, field, op, [a], null);
    check(resource, field, op, [a, b], null);
    check(resource, field, op, a, /needs a list of values/);
    check(resource, field, op, [], /needs at least one value$/);
    check(resource, field, op, [a, null], /can't include "empty"/);
    check(resource, field, op, Array(201).fill(a), /at most 200 values — this one has 201/);
    check(resource, field, op, relative, /needs a list of values/);
    check(resource, field, op, me, /needs a list of values/);
    for (const [bad, message] of BAD[field.type]) check(resource, field, op, [a, bad], message);
    return;
  }
  check(resource, field, op, a, null);
  check(resource, field, op, b, null);
  check(resource, field, op, [a], /takes a single value here/);
  for (const [bad, message] of BAD[field.type]) check(resource, field, op, bad, message);
  const nullable = (op === "=" || op === "!=") && field.key !== "segment_id";
  check(resource, field, op, null, nullable ? null : /needs a value$/);
  check(resource, field, op, relative, field.type === "date" ? null : /can't be relative to now — only dates can$/);
  check(resource, field, op, { relative: 1.5 }, field.type === "date" ? /whole number of seconds/ : /only dates can/);
  check(resource, field, op, me, field.source === "admins" ? null : /can't be "me" — only teammate fields can$/);
  check(resource, field, op, { other: 1 }, /value that can't be searched/);
}

describe.each(RESOURCES)("%s: every field × every operator", (resource) => {
  const fields = CATALOGUES[resource].fields;

  it("covers every field type, static and dynamic", () => {
    const types = (dynamic: boolean) =>
      new Set(fields.filter((f) => Boolean(f.dynamic) === dynamic).map((f) => f.type));
    expect([...types(true)].sort()).toEqual(["boolean", "date", "float", "integer", "string"]);
    expect(types(false).size).toBeGreaterThanOrEqual(resource === "tickets" ? 3 : 4);
  });

  it.each(fields.map((f) => [f.key, f] as const))("%s", (_key, field) => {
    for (const op of OPERATORS) checkPair(resource, field, op);
  });
});

describe("operators refused by resource rules", () => {
  const refused = (resource: Resource, key: string, op: Operator, value: FilterValue) =>
    validate(placed(resource, filterNode(key, op, value)), CATALOGUES[resource]).map((e) => e.message);

  it.each([
    ["tickets", "open", "~", "x", "'Open' can't be searched with \"contains\""],
    ["tickets", "updated_at", ">=", 1, "'Updated' can't be searched with \"is on or after\""],
    ["conversations", "statistics.count_reopens", "^", "1", "'Reopens' can't be searched with \"starts with\""],
    ["contacts", "created_at", "!=", 1, "'Created' can't be searched with \"is not\""],
    ["contacts", "created_at", "IN", [1], "'Created' can't be searched with \"is any of\""],
    ["contacts", "tag_id", "IN", ["1"], "'Tag' can't be searched with \"is any of\""],
    ["contacts", "segment_id", "~", "1", "'Segment' can't be searched with \"contains\""],
  ] as const)("%s %s %s", (resource, key, op, value, message) => {
    expect(refused(resource, key, op, value as FilterValue)).toEqual([message]);
  });

  it("accepts the per-field extras: ticket created_at takes >= and <=, contact integers take >= and <=", () => {
    expect(refused("tickets", "created_at", ">=", 1)).toEqual([]);
    expect(refused("tickets", "created_at", "<=", 1)).toEqual([]);
    expect(refused("contacts", "custom_attributes.health_score", ">=", 1)).toEqual([]);
    expect(refused("conversations", "custom_attributes.order_value", ">=", 1)).toHaveLength(1);
  });
});
