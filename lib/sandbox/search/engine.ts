import {
  DYNAMIC_PREFIX,
  MAX_FILTERS_PER_GROUP,
  MAX_NESTING,
  PAGE_SIZES,
  TICKET_CATEGORY_TERMS,
  findStaticField,
  operatorsFor,
  searchTypeForDataAttribute,
  searchTypeForTicketAttribute,
  type FieldDef,
  type FieldType,
  type Operator,
  type Resource,
} from "@/lib/search/fields";
import { ApiError, badRequest, missingParameter } from "../errors";
import { bodyWords, htmlToText } from "../store/derive";
import type { SearchNode } from "../store/types";
import type { Workspace } from "../store/workspace";
import { ACCESSORS, type FieldValue, type ResourceRecords } from "./accessors";
import { dayStart, nextDayStart } from "./time";

type Predicate<R> = (rec: R) => boolean;

interface ResolvedField {
  def: Pick<FieldDef, "key" | "type" | "operators" | "multi" | "wordMatch">;
  get: (rec: never, ws: Workspace) => FieldValue;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Finds a field, static or built from the workspace's ticket types and data attributes. */
function resolveField(resource: Resource, key: string, ws: Workspace): ResolvedField {
  const accessors = ACCESSORS[resource] as Record<string, (rec: never, ws: Workspace) => FieldValue>;
  const def = findStaticField(resource, key);
  if (def && (accessors[key] || key === "segment_id")) {
    return { def, get: accessors[key] ?? (() => null) };
  }
  if (resource === "tickets" && key.startsWith(DYNAMIC_PREFIX.ticketAttribute)) {
    const attrId = key.slice(DYNAMIC_PREFIX.ticketAttribute.length);
    for (const type of ws.ticketTypes.values()) {
      const attr = type.attributes.find((a) => a.id === attrId);
      const searchType = attr && searchTypeForTicketAttribute(attr.data_type);
      if (attr && searchType) {
        return {
          def: { key, type: searchType },
          get: ((t: ResourceRecords["tickets"]) =>
            t.ticket_type_id === type.id ? (t.attributes[attr.name] ?? null) : null) as ResolvedField["get"],
        };
      }
    }
  }
  if ((resource === "contacts" || resource === "conversations") && key.startsWith(DYNAMIC_PREFIX.customAttribute)) {
    const name = key.slice(DYNAMIC_PREFIX.customAttribute.length);
    const model = resource === "contacts" ? "contact" : "conversation";
    const attr = ws.dataAttributes.find((a) => a.model === model && a.custom && a.name === name);
    const searchType = attr && searchTypeForDataAttribute(attr.data_type);
    if (attr && searchType) {
      return {
        def: { key, type: searchType },
        get: ((r: { custom_attributes: Record<string, FieldValue> }) =>
          r.custom_attributes[name] ?? null) as ResolvedField["get"],
      };
    }
  }
  throw badRequest(`${key} is not a searchable field for ${resource}`);
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Checks a single value against the field's type, as Intercom refuses "foobar" for a date. */
function coerce(field: ResolvedField["def"], value: unknown): string | number | boolean | null {
  if (value === null) return null;
  const bad = () =>
    badRequest(`${JSON.stringify(value)} is not a valid value for ${field.key}, which takes a ${field.type}`);
  switch (field.type) {
    case "string":
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      throw bad();
    case "integer":
    case "date":
      if (typeof value === "number" && Number.isInteger(value)) return value;
      if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
      throw bad();
    case "float":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
      throw bad();
    case "boolean":
      if (typeof value === "boolean") return value;
      if (value === "true" || value === "false") return value === "true";
      throw bad();
  }
}

const isEmpty = (a: FieldValue) => a === null || a === "" || (Array.isArray(a) && a.length === 0);

function equals(a: FieldValue, b: string | number | boolean | null, type: FieldType): boolean {
  if (b === null) return isEmpty(a);
  if (Array.isArray(a)) return a.some((x) => equals(x, b, type));
  if (a === null) return false;
  if (type === "string") return String(a).toLowerCase() === String(b).toLowerCase();
  return a === b;
}

function compareString(op: Operator, actual: FieldValue, needle: string): boolean {
  if (Array.isArray(actual)) {
    const hit = actual.some((a) => compareString(op === "!~" ? "~" : op, a, needle));
    return op === "!~" ? !hit : hit;
  }
  const hay = typeof actual === "string" ? actual.toLowerCase() : null;
  const n = needle.toLowerCase();
  switch (op) {
    case "~":
      return hay !== null && hay.includes(n);
    case "!~":
      return hay === null || !hay.includes(n);
    case "^":
      return hay !== null && hay.startsWith(n);
    case "$":
      return hay !== null && hay.endsWith(n);
    default:
      return false;
  }
}

interface CompileContext {
  resource: Resource;
  ws: Workspace;
  depth: number;
}

function compileFilter(node: Record<string, unknown>, ctx: CompileContext): Predicate<never> {
  const extra = Object.keys(node).filter((k) => k !== "field" && k !== "operator" && k !== "value");
  if (extra.length > 0) throw badRequest(`Unknown parameter in search filter: ${extra.join(", ")}`);
  // Missing is parameter_not_found, present but wrong is parameter_invalid, as elsewhere in the API.
  if (node.field === undefined) throw missingParameter("field");
  if (typeof node.field !== "string" || node.field === "")
    throw badRequest("field must be a string in each search filter", "parameter_invalid", "field");
  if (node.operator === undefined) throw missingParameter("operator");
  if (typeof node.operator !== "string")
    throw badRequest("operator must be a string in each search filter", "parameter_invalid", "operator");
  if (!("value" in node))
    throw badRequest(`value is a required parameter for ${node.field}`, "parameter_not_found", "value");
  const { resource, ws } = ctx;
  const field = resolveField(resource, node.field, ws);
  const op = node.operator as Operator;
  const allowed = operatorsFor(resource, field.def);
  if (!allowed.includes(op)) {
    throw badRequest(
      `The operator '${node.operator}' cannot be used with ${field.def.key} (${field.def.type}). Use one of: ${allowed.join(" ")}`,
    );
  }
  const raw = node.value;
  const list = op === "IN" || op === "NIN";
  if (list && !Array.isArray(raw)) throw badRequest(`The value for ${op} on ${field.def.key} must be an array`);
  if (!list && Array.isArray(raw)) throw badRequest(`An array value needs the IN or NIN operator (${field.def.key})`);
  if (list && (raw as unknown[]).length === 0)
    throw badRequest(`The value for ${op} on ${field.def.key} must not be empty`);
  if (!list && raw === null && op !== "=" && op !== "!=")
    throw badRequest(`null can only be compared with = or != (${field.def.key})`);

  // Special fields first.
  if (resource === "tickets" && field.def.key === "category") {
    const terms = TICKET_CATEGORY_TERMS.enum.map((o) => o.value);
    const values = (list ? (raw as unknown[]) : [raw]).map((v) => coerce(field.def, v));
    for (const v of values) {
      if (v !== null && !terms.includes(String(v)))
        throw badRequest(`category takes the terms ${terms.join(", ")} (not ${JSON.stringify(v)})`);
    }
  }
  if (resource === "contacts" && field.def.key === "segment_id") {
    return compileSegment(op, list ? (raw as unknown[]) : [raw], ctx);
  }
  const get = field.get as (rec: never, ws: Workspace) => FieldValue;
  const type = field.def.type;

  if (list) {
    const values = (raw as unknown[]).map((v) => coerce(field.def, v));
    const wordSets = field.def.wordMatch;
    return (rec) => {
      const actual = get(rec, ws);
      const hit = wordSets
        ? values.some((v) => wordMatch(actual, v))
        : values.some((v) => equals(normaliseAssignee(field.def.key, actual), v, type));
      return op === "IN" ? hit : !hit;
    };
  }
  const value = coerce(field.def, raw);
  const contactDate = resource === "contacts" && type === "date";

  switch (op) {
    case "=":
    case "!=": {
      let test: (actual: FieldValue) => boolean;
      if (field.def.wordMatch) test = (a) => wordMatch(a, value);
      else if (contactDate && typeof value === "number") {
        const from = dayStart(value, ws.info.timezone);
        const to = nextDayStart(value, ws.info.timezone);
        test = (a) => typeof a === "number" && a >= from && a < to;
      } else if (value === null) test = isEmpty;
      else test = (a) => equals(normaliseAssignee(field.def.key, a), value, type);
      return op === "=" ? (rec) => test(get(rec, ws)) : (rec) => !test(get(rec, ws));
    }
    case ">":
    case "<":
    case ">=":
    case "<=": {
      const n = value as number;
      let test: (a: number) => boolean;
      if (contactDate) {
        const bound = op === ">" ? nextDayStart(n, ws.info.timezone) : dayStart(n, ws.info.timezone);
        test = op === ">" ? (a) => a >= bound : (a) => a < bound;
      } else if (resource === "contacts") {
        // Contact integers: > and < are strict, >= and <= inclusive.
        test = op === ">" ? (a) => a > n : op === "<" ? (a) => a < n : op === ">=" ? (a) => a >= n : (a) => a <= n;
      } else {
        // Tickets and conversations: "greater (or equal) than", "lower (or equal) than".
        test = op === ">" || op === ">=" ? (a) => a >= n : (a) => a <= n;
      }
      return (rec) => {
        const a = get(rec, ws);
        return typeof a === "number" && test(a);
      };
    }
    case "~":
    case "!~":
    case "^":
    case "$": {
      const needle = String(value);
      if (field.def.wordMatch) {
        return (rec) => {
          const text = htmlToText(String(get(rec, ws) ?? ""));
          return compareString(op, text, needle);
        };
      }
      return (rec) => compareString(op, get(rec, ws), needle);
    }
  }
  throw badRequest(`Unknown operator ${String(node.operator)}`);
}

/** Unassigned shows as null in the sandbox's records; Intercom clients also search for "0". */
function normaliseAssignee(key: string, actual: FieldValue): FieldValue {
  if ((key === "admin_assignee_id" || key === "team_assignee_id") && actual === null) return "0";
  return actual;
}

/** `source.body` matches single words: "support" finds "I need support", "need support" finds nothing. */
function wordMatch(actual: FieldValue, value: string | number | boolean | null): boolean {
  if (value === null || typeof actual !== "string") return false;
  const word = String(value).toLowerCase();
  if (/\s/.test(word.trim())) return false;
  return bodyWords(actual).has(word.trim());
}

function compileSegment(op: Operator, raw: unknown[], ctx: CompileContext): Predicate<never> {
  const ids = raw.map((v) => {
    if (typeof v !== "string") throw badRequest(`segment_id takes segment ids as strings, not ${JSON.stringify(v)}`);
    return v;
  });
  const rules = ids.map((id) => {
    const segment = ctx.ws.segments.get(id);
    return segment ? compileNode(segment.rule, { resource: "contacts", ws: ctx.ws, depth: 0 }) : () => false;
  });
  const any = (rec: never) => rules.some((rule) => rule(rec));
  return op === "=" || op === "IN" ? any : (rec) => !any(rec);
}

function compileNode(node: unknown, ctx: CompileContext): Predicate<never> {
  if (!isObject(node))
    throw badRequest("Each search query must be an object with field, operator and value, or a group of them");
  if ((node.operator === "AND" || node.operator === "OR") && !("field" in node)) {
    const extra = Object.keys(node).filter((k) => k !== "operator" && k !== "value");
    if (extra.length > 0) throw badRequest(`Unknown parameter in search group: ${extra.join(", ")}`);
    if (ctx.depth >= MAX_NESTING) throw badRequest(`Search queries can be nested at most ${MAX_NESTING} levels deep`);
    if (!Array.isArray(node.value) || node.value.length === 0)
      throw badRequest(`An ${node.operator} group needs a non-empty array of filters as its value`);
    if (node.value.length > MAX_FILTERS_PER_GROUP) {
      throw badRequest(
        `A search group can have at most ${MAX_FILTERS_PER_GROUP} filters (this ${node.operator} group has ${node.value.length})`,
      );
    }
    const children = node.value.map((child) => compileNode(child, { ...ctx, depth: ctx.depth + 1 }));
    return node.operator === "AND" ? (rec) => children.every((c) => c(rec)) : (rec) => children.some((c) => c(rec));
  }
  return compileFilter(node, ctx);
}

/** Validates a query against the resource's fields and operators; returns its predicate. */
export function compileQuery<R extends Resource>(
  resource: R,
  query: unknown,
  ws: Workspace,
): Predicate<ResourceRecords[R]> {
  return compileNode(query, { resource, ws, depth: 0 }) as Predicate<ResourceRecords[R]>;
}

/** A segment's members, from its rule. */
export function segmentMembers(ws: Workspace, rule: SearchNode): ResourceRecords["contacts"][] {
  const pred = compileQuery("contacts", rule, ws);
  return ws.orderedContacts().filter(pred);
}

export interface Page<T> {
  items: T[];
  total_count: number;
  pages: {
    type: "pages";
    page: number;
    per_page: number;
    total_pages: number;
    next?: { per_page: number; starting_after: string };
  };
}

interface Cursor {
  created_at: number;
  id: string;
  page: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.created_at, c.id, c.page])).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === "number" &&
      typeof parsed[1] === "string" &&
      typeof parsed[2] === "number"
    ) {
      return { created_at: parsed[0], id: parsed[1], page: parsed[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest("starting_after is not a valid cursor", "parameter_invalid", "starting_after");
}

export function parsePagination(resource: Resource, pagination: unknown): { perPage: number; cursor: Cursor | null } {
  const limits = PAGE_SIZES[resource];
  if (pagination === undefined || pagination === null) return { perPage: limits.default, cursor: null };
  if (!isObject(pagination)) throw badRequest("pagination must be an object");
  const extra = Object.keys(pagination).filter((k) => k !== "per_page" && k !== "starting_after");
  if (extra.length > 0) throw badRequest(`Unknown parameter in pagination: ${extra.join(", ")}`);
  let perPage = limits.default;
  if (pagination.per_page !== undefined && pagination.per_page !== null) {
    const n = pagination.per_page;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > limits.max) {
      throw badRequest(`per_page must be an integer between 1 and ${limits.max}`, "parameter_invalid", "per_page");
    }
    perPage = n;
  }
  let cursor: Cursor | null = null;
  if (pagination.starting_after !== undefined && pagination.starting_after !== null) {
    if (typeof pagination.starting_after !== "string")
      throw badRequest("starting_after must be a string", "parameter_invalid", "starting_after");
    cursor = decodeCursor(pagination.starting_after);
  }
  return { perPage, cursor };
}

/**
 * Pages through records already in search order (newest first, ids breaking ties).
 * The cursor is the position of the last record shown, so edits to other records never
 * shift a page: records are neither skipped nor repeated.
 */
export function paginate<T extends { created_at: number; id: string }>(
  matches: T[],
  perPage: number,
  cursor: Cursor | null,
): Page<T> {
  let start = 0;
  if (cursor) {
    start = matches.findIndex(
      (m) => m.created_at < cursor.created_at || (m.created_at === cursor.created_at && afterId(m.id, cursor.id)),
    );
    if (start === -1) start = matches.length;
  }
  const items = matches.slice(start, start + perPage);
  const page = cursor ? cursor.page + 1 : 1;
  const total = matches.length;
  const pages: Page<T>["pages"] = { type: "pages", page, per_page: perPage, total_pages: Math.ceil(total / perPage) };
  if (start + perPage < total && items.length > 0) {
    const last = items[items.length - 1];
    pages.next = {
      per_page: perPage,
      starting_after: encodeCursor({ created_at: last.created_at, id: last.id, page }),
    };
  }
  return { items, total_count: total, pages };
}

/** In newest-first order, a record comes after the cursor when its id sorts lower. */
function afterId(id: string, cursorId: string): boolean {
  if (/^\d+$/.test(id) && /^\d+$/.test(cursorId) && id.length !== cursorId.length) return id.length < cursorId.length;
  return id < cursorId;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
