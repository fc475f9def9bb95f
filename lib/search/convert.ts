/**
 * Between the builder's tree and Intercom's search JSON.
 *
 * `toIntercom` is a literal translation: groups stay groups (even a group of one), order is
 * kept, nothing is simplified, so what the JSON panel shows is what the builder holds.
 * `fromIntercom` is the way back for pasted JSON and saved API queries; it refuses anything
 * the builder could not show or Intercom would not run, saying why and where.
 */
import type { Catalogue } from "./catalogue";
import { MAX_NESTING, OPERATORS, findStaticField, type FieldType, type Operator, type Resource } from "./fields";
import {
  filterNode,
  groupNode,
  nodeId,
  type ConvertContext,
  type FilterValue,
  type IntercomQuery,
  type NodePath,
  type Scalar,
  type SearchNode,
  type SearchQuery,
} from "./model";
import { isMeValue, isRelativeValue, validate } from "./validate";

export type FromIntercomResult = { ok: true; query: SearchQuery } | { ok: false; reason: string; path?: NodePath };

/** A value as Intercom takes it: relative dates from `ctx.now`, "me" as the teammate's admin id. */
function resolveValue(value: FilterValue, field: string, resource: Resource, ctx: ConvertContext): Scalar | Scalar[] {
  if (Array.isArray(value)) return [...value];
  if (isRelativeValue(value)) return ctx.now + value.relative;
  if (isMeValue(value)) {
    // owner_id (contacts) is an integer field of admin ids; Intercom's admin ids are numeric strings.
    const integer = findStaticField(resource, field)?.type === "integer";
    return integer && /^\d+$/.test(ctx.adminId) ? Number(ctx.adminId) : ctx.adminId;
  }
  return value as Scalar;
}

function nodeToIntercom(node: SearchNode, resource: Resource, ctx: ConvertContext): IntercomQuery {
  if (node.kind === "group")
    return { operator: node.operator, value: node.children.map((child) => nodeToIntercom(child, resource, ctx)) };
  return { field: node.field, operator: node.operator, value: resolveValue(node.value, node.field, resource, ctx) };
}

/** The `query` of POST /{resource}/search, exactly. */
export function toIntercom(query: SearchQuery, ctx: ConvertContext): IntercomQuery {
  return nodeToIntercom(query.root, query.resource, ctx);
}

/** The whole request body, with pagination only when asked for. */
export function toSearchRequest(
  query: SearchQuery,
  ctx: ConvertContext,
  pagination?: { per_page?: number; starting_after?: string },
): { query: IntercomQuery; pagination?: { per_page?: number; starting_after?: string } } {
  return pagination ? { query: toIntercom(query, ctx), pagination } : { query: toIntercom(query, ctx) };
}

/** The same tree with relative dates and "me" replaced by what `toIntercom` sends (ids kept). */
export function resolveQuery(query: SearchQuery, ctx: ConvertContext): SearchQuery {
  const resolve = (node: SearchNode): SearchNode =>
    node.kind === "group"
      ? { ...node, children: node.children.map(resolve) }
      : { ...node, value: resolveValue(node.value, node.field, query.resource, ctx) };
  return { resource: query.resource, root: resolve(query.root) as SearchQuery["root"] };
}

export function defaultQuery(resource: Resource): SearchQuery {
  const first = resource === "contacts" ? filterNode("role", "=", "user") : filterNode("open", "=", true);
  return { resource, root: groupNode("AND", [first]) };
}

class Refusal {
  constructor(
    readonly reason: string,
    readonly path?: NodePath,
  ) {}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

function extraKeys(obj: Record<string, unknown>, allowed: string[]): string[] {
  return Object.keys(obj).filter((k) => !allowed.includes(k));
}

/**
 * Intercom coerces loosely typed values ("1700000000" for a date, "true" for a boolean, 42 for
 * text; its own docs write dates as strings), so pasted JSON is normalised the same way before
 * it is checked. Anything else ("foobar" for a date) is left for `validate` to refuse.
 */
function coerce(value: Scalar, type: FieldType | undefined): Scalar {
  if (value === null || type === undefined) return value;
  switch (type) {
    case "string":
      return typeof value === "number" ? String(value) : value;
    case "integer":
    case "date":
      return typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
    case "float":
      return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
    case "boolean":
      return value === "true" || value === "false" ? value === "true" : value;
  }
}

function parseFilter(raw: Record<string, unknown>, path: NodePath, catalogue: Catalogue): SearchNode {
  const extra = extraKeys(raw, ["field", "operator", "value"]);
  if (extra.length > 0)
    throw new Refusal(`Unknown key '${extra[0]}' in a filter — a filter has only field, operator and value`, path);
  if (typeof raw.field !== "string" || raw.field === "") throw new Refusal("A filter needs a field name", path);
  const field = raw.field;
  if (typeof raw.operator !== "string") throw new Refusal(`The filter on '${field}' needs an operator`, path);
  if (!(OPERATORS as readonly string[]).includes(raw.operator))
    throw new Refusal(`'${raw.operator}' is not a search operator`, path);
  if (!("value" in raw)) throw new Refusal(`The filter on '${field}' needs a value`, path);
  const type = catalogue.get(field)?.type;
  const value = raw.value;
  let parsed: Scalar | Scalar[];
  if (Array.isArray(value) && value.every(isScalar)) parsed = value.map((v) => coerce(v, type));
  else if (isScalar(value)) parsed = coerce(value, type);
  else
    throw new Refusal(`The value for '${field}' must be text, a number, true or false, null, or a list of those`, path);
  return { kind: "filter", id: nodeId(), field, operator: raw.operator as Operator, value: parsed };
}

function parseNode(raw: unknown, path: NodePath, level: number, catalogue: Catalogue): SearchNode {
  if (!isObject(raw))
    throw new Refusal(
      "Each part of a query must be an object: a filter {field, operator, value} or a group {operator, value}",
      path,
    );
  // Intercom's own rule: an AND/OR operator without a field makes a group.
  if ((raw.operator === "AND" || raw.operator === "OR") && !("field" in raw)) {
    const extra = extraKeys(raw, ["operator", "value"]);
    if (extra.length > 0)
      throw new Refusal(`Unknown key '${extra[0]}' in a group — a group has only operator and value`, path);
    // Checked while parsing, before recursing, so a deeply nested paste cannot exhaust the stack.
    if (level > MAX_NESTING) throw new Refusal(`Groups can be nested at most ${MAX_NESTING} levels deep`, path);
    if (!Array.isArray(raw.value))
      throw new Refusal(`An ${raw.operator} group needs a list of filters as its value`, path);
    const children = raw.value.map((child, i) => parseNode(child, [...path, i], level + 1, catalogue));
    return { kind: "group", id: nodeId(), operator: raw.operator, children };
  }
  return parseFilter(raw, path, catalogue);
}

/**
 * A builder query from Intercom's search JSON: a query (group or single filter) or a whole
 * request body `{query, pagination}`. A single filter becomes the only row of an AND root.
 */
export function fromIntercom(json: unknown, resource: Resource, catalogue: Catalogue): FromIntercomResult {
  if (catalogue.resource !== resource)
    return { ok: false, reason: `These fields are for ${catalogue.resource}, not ${resource}` };
  try {
    if (!isObject(json)) throw new Refusal("A search query must be a JSON object");
    let raw: unknown = json;
    if ("query" in json && !("field" in json) && !("operator" in json)) {
      const extra = extraKeys(json, ["query", "pagination"]);
      if (extra.length > 0)
        throw new Refusal(`Unknown key '${extra[0]}' in the search request — it has only query and pagination`);
      raw = json.query;
      if (!isObject(raw)) throw new Refusal("The request's query must be a JSON object");
    }
    const rawObj = raw as Record<string, unknown>;
    const isGroup = (rawObj.operator === "AND" || rawObj.operator === "OR") && !("field" in rawObj);
    const root = isGroup
      ? parseNode(rawObj, [], 1, catalogue)
      : groupNode("AND", [parseNode(rawObj, [0], 2, catalogue)]);
    const query: SearchQuery = { resource, root: root as SearchQuery["root"] };
    const errors = validate(query, catalogue);
    if (errors.length > 0) return { ok: false, reason: errors[0].message, path: errors[0].path };
    return { ok: true, query };
  } catch (e) {
    if (e instanceof Refusal)
      return e.path ? { ok: false, reason: e.reason, path: e.path } : { ok: false, reason: e.reason };
    throw e;
  }
}
