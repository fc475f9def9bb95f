/**
 * Checks a builder query against a workspace's catalogue before it is sent, with messages a
 * support lead understands and the path of the row at fault.
 *
 * It mirrors what Intercom (and the sandbox's engine, lib/sandbox/search/engine.ts) refuses,
 * so the builder never sends a query that would come back as a 400. Where the API is
 * lenient about types it coerces ("123" for a date, 5 for a text field, "true" for a
 * boolean) this is stricter on purpose: the builder always produces typed values, so a
 * loosely typed value here means a bug or hand-edited input. Empty text is refused too:
 * Intercom accepts it but it never means what a lead wants.
 */
import type { Catalogue, CatalogueField } from "./catalogue";
import { operatorLabel } from "./describe";
import {
  DYNAMIC_PREFIXES,
  MAX_FILTERS_PER_GROUP,
  MAX_NESTING,
  OPERATORS,
  TICKET_CATEGORY_TERMS,
  isListOperator,
  type FieldType,
  type Operator,
  type Resource,
} from "./fields";
import type { FilterNode, GroupNode, NodePath, SearchNode, SearchQuery, ValidationError } from "./model";
import { MAX_LIST_VALUES, MAX_TEXT_LENGTH } from "./limits";

const TYPE_WORDS: Record<FieldType, string> = {
  string: "text",
  integer: "a whole number",
  float: "a number",
  date: "a date",
  boolean: "true or false",
};

const CATEGORY_TERMS = TICKET_CATEGORY_TERMS.enum.map((o) => o.value);
const CATEGORY_LABELS = TICKET_CATEGORY_TERMS.enum.map((o) => o.label);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `{relative: n}` exactly, as the schema stores it. */
export function isRelativeValue(value: unknown): value is { relative: number } {
  return isObject(value) && Object.keys(value).length === 1 && "relative" in value;
}

/** `{me: true}` exactly. */
export function isMeValue(value: unknown): value is { me: true } {
  return isObject(value) && Object.keys(value).length === 1 && value.me === true;
}

/** Whether "is empty" / "is not empty" (null with = or !=) is offered. Intercom refuses a segment of null. */
export function acceptsNull(resource: Resource, field: Pick<CatalogueField, "key">, op: Operator): boolean {
  if (op !== "=" && op !== "!=") return false;
  return !(resource === "contacts" && field.key === "segment_id");
}

/** Whether a date relative to when the search runs can be used: dates only, one value. */
export function acceptsRelative(field: Pick<CatalogueField, "type">, op: Operator): boolean {
  return field.type === "date" && !isListOperator(op);
}

/** Whether "me" (the signed-in teammate) can be used: teammate fields only, one value. */
export function acceptsMe(field: Pick<CatalogueField, "source">, op: Operator): boolean {
  return field.source === "admins" && !isListOperator(op);
}

function scalarError(value: unknown, field: CatalogueField, resource: Resource): string | null {
  const name = `'${field.label}'`;
  const wrongType = `${name} takes ${TYPE_WORDS[field.type]}`;
  switch (field.type) {
    case "string":
      if (typeof value !== "string") return wrongType;
      if (value.trim() === "") return `${name} needs a value`;
      if (value.length > MAX_TEXT_LENGTH) return `${name} can be at most ${MAX_TEXT_LENGTH} characters long`;
      if (resource === "tickets" && field.key === "category" && !CATEGORY_TERMS.includes(value)) {
        return `${name} takes ${CATEGORY_LABELS.slice(0, -1).join(", ")} or ${CATEGORY_LABELS.at(-1)}`;
      }
      return null;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? null : wrongType;
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? null : wrongType;
    case "date":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 ? null : wrongType;
    case "boolean":
      return typeof value === "boolean" ? null : wrongType;
  }
}

function valueError(node: FilterNode, field: CatalogueField, resource: Resource): string | null {
  const name = `'${field.label}'`;
  const op = node.operator;
  const value: unknown = node.value;
  if (isListOperator(op)) {
    if (!Array.isArray(value))
      return `${name} needs a list of values for "${operatorLabel(op, field.type, resource, field)}"`;
    if (value.length === 0) return `${name} needs at least one value`;
    if (value.length > MAX_LIST_VALUES)
      return `${name} can take at most ${MAX_LIST_VALUES} values — this one has ${value.length}`;
    for (const item of value) {
      if (item === null) return `A list of values for ${name} can't include "empty"`;
      const error = scalarError(item, field, resource);
      if (error) return error;
    }
    return null;
  }
  if (Array.isArray(value)) return `${name} takes a single value here — use "is any of" to match several`;
  if (isRelativeValue(value)) {
    if (!acceptsRelative(field, op)) return `${name} can't be relative to now — only dates can`;
    return Number.isInteger(value.relative) ? null : `${name} needs a whole number of seconds relative to now`;
  }
  if (isMeValue(value)) return acceptsMe(field, op) ? null : `${name} can't be "me" — only teammate fields can`;
  if (value === null) return acceptsNull(resource, field, op) ? null : `${name} needs a value`;
  if (isObject(value)) return `${name} has a value that can't be searched`;
  return scalarError(value, field, resource);
}

/** The first problem with one filter row, or null. */
export function filterError(node: FilterNode, catalogue: Catalogue): string | null {
  if (typeof node.field !== "string" || node.field === "") return "Choose a field";
  const field = catalogue.get(node.field);
  if (!field) {
    // Dynamic fields disappear when an attribute is archived or deleted; say so rather than "unknown".
    if (DYNAMIC_PREFIXES[catalogue.resource].some((p) => node.field.startsWith(p))) {
      return `The attribute '${node.field}' is archived or no longer exists in this workspace`;
    }
    return `'${node.field}' is not a field you can search ${catalogue.resource} by`;
  }
  if (!(OPERATORS as readonly string[]).includes(node.operator)) return "Choose an operator";
  const allowed = field.operators ?? [];
  if (!allowed.includes(node.operator)) {
    return `'${field.label}' can't be searched with "${operatorLabel(node.operator, field.type, catalogue.resource, field)}"`;
  }
  return valueError(node, field, catalogue.resource);
}

function walkGroup(
  group: GroupNode,
  level: number,
  path: NodePath,
  catalogue: Catalogue,
  out: ValidationError[],
): void {
  const here = (message: string) => out.push({ path, nodeId: group.id, message });
  if (group.operator !== "AND" && group.operator !== "OR")
    here("Choose whether the group matches all (AND) or any (OR) of its filters");
  if (level > MAX_NESTING) {
    // Rows below a group that is too deep would be reported against a structure that must change anyway.
    here(`Groups can be nested at most ${MAX_NESTING} levels deep`);
    return;
  }
  if (group.children.length === 0)
    here(level === 1 ? "Add at least one filter" : "This group is empty — add a filter or remove the group");
  if (group.children.length > MAX_FILTERS_PER_GROUP) {
    here(`A group can hold at most ${MAX_FILTERS_PER_GROUP} filters — this one has ${group.children.length}`);
  }
  group.children.forEach((child, i) => walkNode(child, level + 1, [...path, i], catalogue, out));
}

function walkNode(node: SearchNode, level: number, path: NodePath, catalogue: Catalogue, out: ValidationError[]): void {
  if (node.kind === "group") return walkGroup(node, level, path, catalogue, out);
  if (node.kind !== "filter") {
    out.push({ path, nodeId: (node as { id?: string }).id ?? "", message: "This row is neither a filter nor a group" });
    return;
  }
  const message = filterError(node, catalogue);
  if (message) out.push({ path, nodeId: node.id, message });
}

/**
 * Every problem in the query, in tree order (empty when it can be sent). The root is
 * level 1, a group inside it level 2; Intercom refuses anything deeper.
 */
export function validate(query: SearchQuery, catalogue: Catalogue): ValidationError[] {
  const out: ValidationError[] = [];
  if (query.resource !== catalogue.resource) {
    out.push({
      path: [],
      nodeId: query.root.id,
      message: `This search is for ${query.resource} but the fields are for ${catalogue.resource}`,
    });
    return out;
  }
  walkGroup(query.root, 1, [], catalogue, out);
  return out;
}
