/**
 * The structural check of a query tree without a schema library: the same rules as
 * `searchQuerySchema` (shape, operators, value kinds, limits), for the browser's hot path
 * (every shared link is decoded with it) where zod would outweigh the page's own code.
 * tests/unit/search checks that both agree.
 */
import { MAX_FILTERS_PER_GROUP, MAX_NESTING, OPERATORS } from "./fields";
import { nodeId, type FilterValue, type GroupNode, type Scalar, type SearchNode } from "./model";
import { hasNonWhitespaceControls } from "@/lib/text/characters";
import { MAX_LIST_VALUES, MAX_TEXT_LENGTH } from "./limits";

const isText = (v: unknown, max: number): v is string =>
  typeof v === "string" && v.length <= max && !hasNonWhitespaceControls(v);
const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) || isText(v, MAX_TEXT_LENGTH);

function checkValue(v: unknown): v is FilterValue {
  if (isScalar(v)) return true;
  if (Array.isArray(v)) return v.length <= MAX_LIST_VALUES && v.every(isScalar);
  if (typeof v !== "object" || v === null) return false;
  const keys = Object.keys(v);
  const o = v as Record<string, unknown>;
  if (keys.length === 1 && keys[0] === "relative") return Number.isInteger(o.relative);
  return keys.length === 1 && keys[0] === "me" && o.me === true;
}

/** A tree of groups and filters (ids optional) as a GroupNode with ids, or null when it breaks a rule. */
export function checkTree(input: unknown, level = 1): GroupNode | null {
  const node = toNode(input, level);
  return node && node.kind === "group" ? node : null;
}

function toNode(input: unknown, level: number): SearchNode | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  const o = input as Record<string, unknown>;
  const id = o.id === undefined ? nodeId() : typeof o.id === "string" && o.id.length <= 64 ? o.id : null;
  if (id === null) return null;
  if (o.kind === "filter") {
    if (Object.keys(o).some((k) => !["kind", "id", "field", "operator", "value"].includes(k))) return null;
    if (!isText(o.field, 200) || o.field.length < 1) return null;
    if (!(OPERATORS as readonly unknown[]).includes(o.operator) || !checkValue(o.value)) return null;
    return { kind: "filter", id, field: o.field, operator: o.operator as (typeof OPERATORS)[number], value: o.value };
  }
  if (o.kind !== "group" || level > MAX_NESTING) return null;
  if (Object.keys(o).some((k) => !["kind", "id", "operator", "children"].includes(k))) return null;
  if ((o.operator !== "AND" && o.operator !== "OR") || !Array.isArray(o.children)) return null;
  if (o.children.length < 1 || o.children.length > MAX_FILTERS_PER_GROUP) return null;
  const children: SearchNode[] = [];
  for (const child of o.children) {
    const c = toNode(child, level + 1);
    if (!c) return null;
    children.push(c);
  }
  return { kind: "group", id, operator: o.operator, children };
}
